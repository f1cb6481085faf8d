package dev.handoff.server.mount.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * fhstatus of MOUNT v1 (RFC 1094 appendix A.3 and A.5.1): an NFSv2 handle, exactly {@link #FHSIZE} bytes, or
 * an errno.
 */
public sealed interface Mnt1Result {
    /** FHSIZE of RFC 1094. */
    int FHSIZE = 32;

    MountStatus status();

    record Ok(Opaque handle) implements Mnt1Result {
        public Ok {
            Objects.requireNonNull(handle, "handle");
            if (handle.length() != FHSIZE) {
                throw new IllegalArgumentException("a v1 handle has " + FHSIZE + " bytes, not " + handle.length());
            }
        }

        @Override
        public MountStatus status() {
            return MountStatus.MNT3_OK;
        }
    }

    record Fail(MountStatus status) implements Mnt1Result {
        public Fail {
            MountStatus.requireError(status);
        }
    }
}
