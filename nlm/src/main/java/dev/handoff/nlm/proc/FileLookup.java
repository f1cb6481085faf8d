package dev.handoff.nlm.proc;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.xdr.NlmStatus;
import java.util.Objects;

/** The outcome of {@link NlmFiles#lookup}: the file's lock key, or the status to refuse the request with. */
public sealed interface FileLookup {

    record Found(FileKey key) implements FileLookup {
        public Found {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The handle is not ours, names a gone export or file ({@code STALE_FH}), or the caller may not use the
     * export ({@code DENIED}, as lockd answers when {@code nlm_lookup_file} fails with an access error).
     */
    record Refused(NlmStatus status, String detail) implements FileLookup {
        public Refused {
            Objects.requireNonNull(status, "status");
        }
    }
}
