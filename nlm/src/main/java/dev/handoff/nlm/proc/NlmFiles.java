package dev.handoff.nlm.proc;

import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.xdr.Opaque;

/**
 * Maps the NFS file handle of an NLM request to the file it locks. The server implements it with the same
 * checks NFS makes (handle signature, export access for the caller's address), and derives the key from the
 * handle's inode identity, so that every handle of one file gives one key.
 */
@FunctionalInterface
public interface NlmFiles {
    FileLookup lookup(Opaque fh, Peer caller);
}
