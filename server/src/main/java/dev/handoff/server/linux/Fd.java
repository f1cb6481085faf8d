package dev.handoff.server.linux;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open file descriptor, closed once (try-with-resources). {@link #CWD} stands for {@code AT_FDCWD} in the
 * *at() calls and is never closed. Closing does not guard against another thread still using the number:
 * the owner must make sure nobody does, as with any descriptor.
 */
public final class Fd implements AutoCloseable {
    /** {@code AT_FDCWD}: resolve relative paths against the working directory (fcntl.h). */
    public static final Fd CWD = new Fd(-100);

    private final int value;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Fd(int value) {
        this.value = value;
    }

    /** Takes ownership of a descriptor number returned by the kernel. */
    public static Fd adopt(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("not a file descriptor: " + fd);
        }
        return new Fd(fd);
    }

    /** The descriptor number; fails after {@link #close()} so that a stale number is never reused by mistake. */
    public int value() {
        if (closed.get()) {
            throw new IllegalStateException("file descriptor " + value + " is closed");
        }
        return value;
    }

    /**
     * {@code /proc/self/fd/N}: a path that reaches this descriptor's file, for calls that take no fd or no
     * {@code AT_EMPTY_PATH} (chmod of an O_PATH descriptor, linkat without CAP_DAC_READ_SEARCH). The kernel
     * lets a process walk its own fd directory whatever its fsuid.
     */
    public byte[] procPath() {
        if (this == CWD) {
            throw new IllegalStateException("AT_FDCWD has no /proc path");
        }
        return ("/proc/self/fd/" + value()).getBytes(StandardCharsets.US_ASCII);
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes once; later calls do nothing. Linux releases the number even when close(2) reports an error. */
    @Override
    public void close() throws ErrnoException {
        if (this != CWD && closed.compareAndSet(false, true)) {
            LinuxFs.close(value);
        }
    }

    @Override
    public String toString() {
        return this == CWD ? "Fd[AT_FDCWD]" : "Fd[" + value + (closed.get() ? ", closed]" : "]");
    }
}
