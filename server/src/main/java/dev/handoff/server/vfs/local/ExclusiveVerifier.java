package dev.handoff.server.vfs.local;

import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.Statx;
import java.time.Instant;

/**
 * Where an EXCLUSIVE CREATE keeps the client's 8-byte verifier (RFC 1813 §3.3.8): in the new file's mtime
 * (first four bytes) and atime (last four bytes) as whole seconds, as knfsd does, so that no extended
 * attributes are needed and any node of the cluster recognises a retransmission. The top bit of each half is
 * cleared: some clients and file systems mishandle times past 2038. The client replaces both times with a
 * SETATTR right after the create succeeds.
 */
record ExclusiveVerifier(long mtimeSeconds, long atimeSeconds) {
    static ExclusiveVerifier of(long verifier) {
        return new ExclusiveVerifier((verifier >>> 32) & 0x7fffffffL, verifier & 0x7fffffffL);
    }

    Instant mtime() {
        return Instant.ofEpochSecond(mtimeSeconds);
    }

    Instant atime() {
        return Instant.ofEpochSecond(atimeSeconds);
    }

    /**
     * Whether {@code existing} is the file an earlier try of the same create made: the times match and nothing
     * was written to it yet (a retransmission arrives before the client's SETATTR and WRITEs).
     */
    boolean matches(Statx existing) {
        return existing.type() == FileType.REGULAR && existing.size() == 0
                && existing.mtime().getEpochSecond() == mtimeSeconds
                && existing.atime().getEpochSecond() == atimeSeconds;
    }
}
