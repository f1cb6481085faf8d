package dev.handoff.server.vfs;

/** FSSTAT's numbers (RFC 1813 §3.3.18). */
public record FsStats(long totalBytes, long freeBytes, long availableBytes, long totalFiles, long freeFiles,
                      long availableFiles) {
}
