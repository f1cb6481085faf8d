package dev.handoff.server;

import dev.handoff.server.exports.Export;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.vfs.Vfs;
import dev.handoff.server.vfs.VfsException;
import dev.handoff.server.vfs.VfsRegistry;
import dev.handoff.server.vfs.local.LocalVfs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local file system of each export, opened on first use. Opening lazily means an exports reload needs no
 * hook here: a new export opens when first asked for, and a removed one is refused by the exports table
 * before its file system is reached. A directory that cannot be opened is logged once and tried again later.
 */
final class ExportFileSystemCache implements VfsRegistry, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExportFileSystemCache.class);

    private final Supplier<ExportTable> table;
    private final Map<Integer, LocalVfs> open = new ConcurrentHashMap<>();
    private final Map<Integer, String> failures = new ConcurrentHashMap<>();

    ExportFileSystemCache(Supplier<ExportTable> table) {
        this.table = table;
    }

    @Override
    public Vfs forExport(int exportId) {
        LocalVfs vfs = open.get(exportId);
        if (vfs != null) {
            return vfs;
        }
        return table.get().find(exportId).map(this::openLocked).orElse(null);
    }

    private synchronized LocalVfs openLocked(Export export) {
        LocalVfs vfs = open.get(export.exportId());
        if (vfs != null) {
            return vfs;
        }
        try {
            vfs = LocalVfs.open(export.exportId(), export.path());
            open.put(export.exportId(), vfs);
            failures.remove(export.exportId());
            log.info("export {} (id {}) opened", export.path(), Integer.toUnsignedString(export.exportId()));
            return vfs;
        } catch (VfsException e) {
            if (!e.getMessage().equals(failures.put(export.exportId(), e.getMessage()))) {
                log.error("{}; clients of this export get STALE until it can be opened", e.getMessage());
            }
            return null;
        }
    }

    /**
     * Opens every export now, so that a bad directory is reported at start rather than at the first mount.
     * Returns how many opened.
     */
    int openAll() {
        return (int) table.get().exports().stream().map(this::openLocked).filter(java.util.Objects::nonNull).count();
    }

    @Override
    public synchronized void close() {
        for (LocalVfs vfs : open.values()) {
            try {
                vfs.close();
            } catch (VfsException e) {
                log.warn("closing export {}: {}", Integer.toUnsignedString(vfs.exportId()), e.getMessage());
            }
        }
        open.clear();
    }
}
