package dev.handoff.server;

import dev.handoff.nlm.proc.FileLookup;
import dev.handoff.nlm.proc.NlmFiles;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Access;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The files NLM requests name, checked as NFS checks them: the handle must be one of ours (else STALE_FH, as
 * lockd answers for a handle it cannot look up) and its export must admit the caller's address (else DENIED).
 * The lock key is the handle's inode identity, export id then the file system's durable key, so a file has one
 * key whatever handle (or node) it was reached through.
 */
final class ExportLockFiles implements NlmFiles {
    private final Supplier<ExportTable> exports;
    private final SignedHandles handles;

    ExportLockFiles(Supplier<ExportTable> exports, SignedHandles handles) {
        this.exports = exports;
        this.handles = handles;
    }

    @Override
    public FileLookup lookup(Opaque fh, Peer caller) {
        Inode inode;
        try {
            if (fh.length() > FileHandle3.MAX_LENGTH) {
                return new FileLookup.Refused(NlmStatus.STALE_FH, "handle of " + fh.length() + " bytes");
            }
            inode = handles.toInode(new FileHandle3(fh));
        } catch (SignedHandles.BadHandleException e) {
            return new FileLookup.Refused(NlmStatus.STALE_FH, e.getMessage());
        }
        return switch (exports.get().decide(inode.exportId(), caller.remote())) {
            case Access.Allowed allowed -> new FileLookup.Found(key(inode));
            case Access.Denied denied -> new FileLookup.Refused(switch (denied.reason()) {
                case NO_SUCH_EXPORT -> NlmStatus.STALE_FH;
                case CLIENT_NOT_ALLOWED, INSECURE_PORT -> NlmStatus.DENIED;
            }, denied.detail());
        };
    }

    /** The lock key of an inode; also what the NFS remove hook releases. */
    static FileKey key(Inode inode) {
        byte[] k = inode.key().toByteArray();
        return new FileKey(Opaque.copyOf(ByteBuffer.allocate(4 + k.length).putInt(inode.exportId()).put(k).array()));
    }
}
