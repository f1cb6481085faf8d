package dev.handoff.server.vfs;

import java.time.Instant;

/**
 * A file's attributes, everything fattr3 (RFC 1813 §2.6) reports.
 *
 * @param mode   permission, set-id and sticky bits (07777)
 * @param used   bytes allocated on disk
 * @param fsid   the file system id clients see; the export id, so it is the same on every node
 * @param fileId the inode number
 */
public record Attributes(FileKind kind, int mode, long nlink, int uid, int gid, long size, long used,
                         int rdevMajor, int rdevMinor, long fsid, long fileId, Instant atime, Instant mtime,
                         Instant ctime) {
}
