package dev.handoff.server.nfs3;

import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.vfs.VfsRegistry;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the NFSv3 handlers share: the exports table in force (read once per call, so that a reload never shows
 * a call half of each table; production passes {@code exports::table}), the file system of each export, the
 * handle signer and the write verifier.
 *
 * @param writeVerifier the writeverf3 of WRITE and COMMIT (RFC 1813 §3.3.7): it must change whenever data
 *                      written UNSTABLE may have been lost, i.e. at every start of the server, and must not
 *                      change otherwise; {@link #randomWriteVerifier()} makes one per start
 * @param removals      told when a file loses its last link (the lock manager releases its locks)
 */
public record Nfs3Context(Supplier<ExportTable> exports, VfsRegistry filesystems, SignedHandles handles,
                          Verifier3 writeVerifier, FileRemovalListener removals) {
    public Nfs3Context {
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(filesystems, "filesystems");
        Objects.requireNonNull(handles, "handles");
        Objects.requireNonNull(writeVerifier, "writeVerifier");
        Objects.requireNonNull(removals, "removals");
    }

    /** Without a removal listener (no lock manager). */
    public Nfs3Context(Supplier<ExportTable> exports, VfsRegistry filesystems, SignedHandles handles,
                       Verifier3 writeVerifier) {
        this(exports, filesystems, handles, writeVerifier, FileRemovalListener.NONE);
    }

    /**
     * Random rather than the start time: two nodes that start in the same second must not share one, or a
     * client failing over between them would not notice that its unstable writes are gone.
     */
    public static Verifier3 randomWriteVerifier() {
        return new Verifier3(new SecureRandom().nextLong());
    }
}
