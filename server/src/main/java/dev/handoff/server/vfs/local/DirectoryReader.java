package dev.handoff.server.vfs.local;

import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_NOFOLLOW;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;

import dev.handoff.server.linux.AtFlags;
import dev.handoff.server.linux.DirEntry;
import dev.handoff.server.linux.DirStream;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.LinuxAttrs;
import dev.handoff.server.linux.LinuxFs;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.DirectoryPage;
import dev.handoff.server.vfs.Inode;
import java.util.ArrayList;
import java.util.List;

/**
 * READDIR and READDIRPLUS (RFC 1813 §3.3.16, §3.3.17) with getdents64(2). Cookies are the file system's own
 * d_off positions, so a listing resumes where it left off across calls, restarts and nodes, and entries
 * added or removed between pages do not make others appear twice or vanish (ext4 and xfs hash-order their
 * directories for exactly this reason). The directory is reopened O_RDONLY as the caller: listing needs read
 * permission, and the per-entry lookups of READDIRPLUS need search permission, both judged by the kernel.
 */
final class DirectoryReader {
    static final int BUFFER_BYTES = 32 * 1024;
    /** getdents64 buffer for a page of n entries: a dirent64 with a short name is 24-40 bytes. */
    private static final int BYTES_PER_ENTRY = 40;
    private static final int MIN_BUFFER_BYTES = 4096;

    private final ExportRoot root;

    DirectoryReader(ExportRoot root) {
        this.root = root;
    }

    /** Up to {@code maxEntries} entries after {@code cookie}; eof when the directory has no more. */
    DirectoryPage read(Fd dir, Inode dirInode, long cookie, int maxEntries, boolean plus) throws ErrnoException {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries " + maxEntries);
        }
        // At the export root, ".." must not lead out of the export: it is listed as the root itself.
        long rootIno = root.isRoot(dirInode) ? LinuxAttrs.statx(dir).ino() : -1;
        try (Fd listing = LinuxFs.openat(Fd.CWD, dir.procPath(), O_RDONLY | O_DIRECTORY, 0);
                DirStream stream = new DirStream(listing, bufferFor(maxEntries))) {
            if (cookie != 0) {
                stream.seek(cookie);
            }
            List<DirectoryPage.Entry> entries = new ArrayList<>();
            for (DirEntry entry = stream.next(); entry != null; entry = stream.next()) {
                if (entries.size() == maxEntries) {
                    return new DirectoryPage(entries, false); // one more exists, so this is not the end
                }
                entries.add(entry(dir, entry, rootIno, plus));
            }
            return new DirectoryPage(entries, true);
        }
    }

    private DirectoryPage.Entry entry(Fd dir, DirEntry entry, long rootIno, boolean plus) {
        byte[] name = entry.name().toByteArray();
        boolean parentOfRoot = rootIno >= 0 && Names.isDotDot(name);
        long fileId = parentOfRoot ? rootIno : entry.ino();
        if (!plus) {
            return new DirectoryPage.Entry(entry.name(), fileId, entry.cookie(), null, null);
        }
        byte[] target = parentOfRoot ? Names.DOT : name;
        try {
            // Two calls by name, as Ganesha's VFS back end makes. If the name moved to another file since getdents
            // or between the two, the inode numbers disagree; then the slower way below, on one descriptor.
            Inode inode = root.inodeOf(dir, target);
            Statx st = LinuxAttrs.statx(dir, target, AtFlags.AT_SYMLINK_NOFOLLOW);
            if (st.ino() == fileId) {
                return new DirectoryPage.Entry(entry.name(), fileId, entry.cookie(), inode,
                        StatxAttributes.of(st, root.exportId()));
            }
        } catch (ErrnoException e) {
            return withoutAttributes(entry, fileId);
        }
        Inode inode;
        Attributes attributes;
        try (Fd file = LinuxFs.openat(dir, target, O_PATH | O_NOFOLLOW, 0)) {
            Statx st = LinuxAttrs.statx(file);
            inode = root.inodeOf(file);
            attributes = StatxAttributes.of(st, root.exportId());
        } catch (ErrnoException e) {
            return withoutAttributes(entry, fileId);
        }
        return new DirectoryPage.Entry(entry.name(), fileId, entry.cookie(), inode, attributes);
    }

    /**
     * Removed since it was listed, not searchable by this caller, or a mount point (EXDEV): the entry goes out
     * without a handle and attributes, and the client LOOKUPs it if it cares (RFC 1813 §3.3.17 allows that).
     */
    private static DirectoryPage.Entry withoutAttributes(DirEntry entry, long fileId) {
        return new DirectoryPage.Entry(entry.name(), fileId, entry.cookie(), null, null);
    }

    /** Enough for the page and a little more: getdents fills whatever it is given, and the rest is thrown away. */
    static int bufferFor(int maxEntries) {
        return (int) Math.clamp((long) maxEntries * BYTES_PER_ENTRY + 512, MIN_BUFFER_BYTES, BUFFER_BYTES);
    }
}
