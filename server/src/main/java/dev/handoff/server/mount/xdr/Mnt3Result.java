package dev.handoff.server.mount.xdr;

import dev.handoff.server.nfs3.xdr.FileHandle3;
import java.util.List;
import java.util.Objects;

/**
 * mountres3 (RFC 1813 appendix I.4.1): the root handle of the export and the auth flavors (RFC 5531 numbers,
 * most preferred first) the client may use with it.
 */
public sealed interface Mnt3Result {
    MountStatus status();

    record Ok(FileHandle3 handle, List<Integer> authFlavors) implements Mnt3Result {
        public Ok {
            Objects.requireNonNull(handle, "handle");
            authFlavors = List.copyOf(authFlavors);
        }

        @Override
        public MountStatus status() {
            return MountStatus.MNT3_OK;
        }
    }

    record Fail(MountStatus status) implements Mnt3Result {
        public Fail {
            MountStatus.requireError(status);
        }
    }
}
