package dev.handoff.server.linux;

/**
 * {@code open(2)} flags and file-type bits for x86_64 and aarch64 (asm-generic/fcntl.h; the two share these
 * values). The layer opens with O_PATH where it only needs a handle to a name (no read permission needed,
 * nothing to leak), O_NOFOLLOW so that a client's symlink is never followed by the server, and O_DIRECTORY
 * where a directory is expected.
 */
public final class OpenFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DSYNC = 010000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_NOATIME = 01000000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_SYNC = 04010000;
    public static final int O_PATH = 010000000;

    private OpenFlags() {}
}
