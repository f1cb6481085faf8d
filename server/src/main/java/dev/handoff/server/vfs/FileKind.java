package dev.handoff.server.vfs;

/** File types, as RFC 1813 ftype3 lists them. */
public enum FileKind {
    REGULAR, DIRECTORY, BLOCK_DEVICE, CHAR_DEVICE, SYMLINK, SOCKET, FIFO
}
