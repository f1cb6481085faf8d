package dev.handoff.server.nfs3;

import dev.handoff.server.exports.ExportOptions;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.Vfs;

/**
 * A file handle of the call that passed the prologue: the file it names, the file system it lies in, and who
 * the caller is there under the options of the export rule that let it in.
 *
 * @param handle as the client sent it; null for an object the call found or made ({@link #child})
 */
record Nfs3Target(FileHandle3 handle, Vfs vfs, Inode inode, Identity who, ExportOptions options) {
    /** Another file of the same export, for the same caller. */
    Nfs3Target child(Inode other) {
        return new Nfs3Target(null, vfs, other, who, options);
    }
}
