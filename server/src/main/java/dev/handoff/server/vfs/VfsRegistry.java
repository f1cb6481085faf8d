package dev.handoff.server.vfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file system behind each export id, as file handles and MOUNT name it. An export that is in the table but has no
 * file system here (its directory could not be opened at start) has none: the handler answers NFS3ERR_STALE.
 */
@FunctionalInterface
public interface VfsRegistry {
    /** The file system of {@code exportId}, or null. */
    Vfs forExport(int exportId);

    /** A fixed set, keyed by each one's own {@link Vfs#exportId()}. */
    static VfsRegistry of(List<? extends Vfs> filesystems) {
        Map<Integer, Vfs> byId = new HashMap<>();
        for (Vfs vfs : filesystems) {
            if (byId.putIfAbsent(vfs.exportId(), vfs) != null) {
                throw new IllegalArgumentException("two file systems for export id " + vfs.exportId());
            }
        }
        return byId::get;
    }
}
