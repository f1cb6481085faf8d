package dev.handoff.server.vfs;

/** A file system call failed with a Linux errno value; the protocol layer maps it to its own status. */
public final class VfsException extends Exception {
    private final int errno;

    public VfsException(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
