package dev.handoff.server.linux;

/**
 * A system call failed: carries the errno the C library reported (captured right after the call, before the
 * JVM can overwrite it) and the name of the call, so that the NFS layer can map it to a status.
 */
public final class ErrnoException extends Exception {
    private final int errno;
    private final String operation;

    public ErrnoException(int errno, String operation) {
        // No stack trace: ENOENT on LOOKUP is routine, and the operation name says where it came from.
        super(operation + ": " + Errno.name(errno), null, false, false);
        this.errno = errno;
        this.operation = operation;
    }

    public int errno() {
        return errno;
    }

    public String operation() {
        return operation;
    }

    public boolean is(int expected) {
        return errno == expected;
    }
}
