package dev.handoff.server.vfs;

import dev.handoff.rpc.xdr.Opaque;
import java.util.List;

/**
 * Entries of a directory after a cookie, in the directory's own stable order, and whether the listing ended.
 * Cookies are the file system's own positions (getdents64 d_off), so they survive concurrent changes and
 * restarts; cookie 0 is the start. "." and ".." are included as the kernel lists them.
 */
public record DirectoryPage(List<Entry> entries, boolean eof) {
    public DirectoryPage {
        entries = List.copyOf(entries);
    }

    /**
     * @param inode      set for READDIRPLUS (null when the entry vanished meanwhile or was not asked for)
     * @param attributes set for READDIRPLUS when available
     */
    public record Entry(Opaque name, long fileId, long cookie, Inode inode, Attributes attributes) {
    }
}
