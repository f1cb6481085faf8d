package dev.handoff.server.vfs;

import java.time.Instant;

/** How SETATTR changes a timestamp (RFC 1813 time_how). */
public sealed interface TimeChange {
    record Keep() implements TimeChange {
    }

    /** Set to the server's current time. */
    record Now() implements TimeChange {
    }

    record To(Instant time) implements TimeChange {
    }

    TimeChange KEEP = new Keep();
    TimeChange NOW = new Now();
}
