package dev.handoff.server.nfs3;

import dev.handoff.server.vfs.Inode;

/**
 * Told when REMOVE, or a RENAME over an existing file, took away a regular file's last link: the lock manager
 * then drops that file's locks, shares and waits, which nobody can reach any more (a new file of the same name is
 * another file). Called after the call succeeded, on its worker thread.
 */
@FunctionalInterface
public interface FileRemovalListener {
    FileRemovalListener NONE = inode -> { };

    void lastLinkRemoved(Inode inode);
}
