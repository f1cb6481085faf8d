package dev.handoff.server.linux;

/**
 * fstatvfs(3) of a file system, for NFSv3 FSSTAT and FSINFO (RFC 1813 §3.3.18, §3.3.19). Block counts are in
 * units of {@code fragmentSize}; the byte helpers do the multiplication. {@code avail*} are what an
 * unprivileged user may still use, {@code free*} include the root reserve.
 */
public record StatVfs(
        long blockSize,
        long fragmentSize,
        long blocks,
        long freeBlocks,
        long availBlocks,
        long files,
        long freeFiles,
        long availFiles,
        long fsid,
        long flags,
        long nameMax) {

    /** Mounted read-only. */
    public static final long ST_RDONLY = 1;
    public static final long ST_NOSUID = 2;

    public long totalBytes() {
        return blocks * fragmentSize;
    }

    public long freeBytes() {
        return freeBlocks * fragmentSize;
    }

    public long availBytes() {
        return availBlocks * fragmentSize;
    }

    public boolean readOnly() {
        return (flags & ST_RDONLY) != 0;
    }
}
