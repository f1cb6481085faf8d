package dev.handoff.cluster.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A value of the shared reply cache: the call is running on some member, or its reply is stored. */
sealed interface ReplyEntry {

    /**
     * A member began the call at {@code startedAt} (its clock). {@code owner} is the member's UUID: if that member
     * has left the cluster, nobody will ever complete the entry, so a retransmission may take it over.
     */
    record InProgress(UUID owner, Instant startedAt) implements ReplyEntry {
        public InProgress {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /** The call has run; {@code reply} is the whole encoded RPC reply, as sent. */
    record Done(Opaque reply) implements ReplyEntry {
        public Done {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
