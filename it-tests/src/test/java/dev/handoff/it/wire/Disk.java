package dev.handoff.it.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The exported file system as the server's own kernel sees it, to verify a call's side effects directly
 * rather than through the server that made them. Never follows a symbolic link.
 */
final class Disk {
    static final int S_IFMT = 0170000;
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;
    static final int S_IFSOCK = 0140000;

    private Disk() {
    }

    static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static int permissions(Path p) throws IOException {
        return mode(p) & 07777;
    }

    static int fileType(Path p) throws IOException {
        return mode(p) & S_IFMT;
    }

    static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    static long ino(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    static int nlink(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }

    static long rdev(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
    }

    static Instant mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
    }

    static Instant atime(Path p) throws IOException {
        return ((FileTime) Files.getAttribute(p, "unix:lastAccessTime", LinkOption.NOFOLLOW_LINKS)).toInstant();
    }

    static Instant ctime(Path p) throws IOException {
        return ((FileTime) Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Linux's dev_t encoding of (major, minor), as glibc's makedev(3) builds it. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12)
                | (minor & 0xffL);
    }
}
