package dev.handoff.server.linux;

import java.time.Instant;
import java.util.Objects;

/**
 * One timestamp argument of utimensat(2): leave it, set it to the kernel's current time, or set it to a given
 * time. Mirrors NFSv3 {@code set_atime}/{@code set_mtime} (RFC 1813 §2.6, sattr3). Setting the current time
 * needs write permission or ownership; setting a given time needs ownership (or CAP_FOWNER).
 */
public sealed interface TimeSet {
    TimeSet OMIT = new Omit();
    TimeSet NOW = new Now();

    static TimeSet at(Instant time) {
        return new At(time);
    }

    /** {@code UTIME_OMIT}: the timestamp stays as it is. */
    record Omit() implements TimeSet {}

    /** {@code UTIME_NOW}: the kernel's clock, as the server sees it (SET_TO_SERVER_TIME). */
    record Now() implements TimeSet {}

    /** SET_TO_CLIENT_TIME, with nanoseconds. */
    record At(Instant time) implements TimeSet {
        public At {
            Objects.requireNonNull(time, "time");
        }
    }
}
