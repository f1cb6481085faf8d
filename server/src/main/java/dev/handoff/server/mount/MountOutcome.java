package dev.handoff.server.mount;

import dev.handoff.server.mount.xdr.MountStatus;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import java.nio.file.Path;

/** What MNT decided, before each version shapes its reply (RFC 1813 appendix I.4.1, RFC 1094 A.5.1). */
sealed interface MountOutcome {
    /** The caller may mount {@code directory} (normalized), whose handle is {@code handle}. */
    record Mounted(Path directory, FileHandle3 handle) implements MountOutcome {
    }

    record Refused(MountStatus status) implements MountOutcome {
    }
}
