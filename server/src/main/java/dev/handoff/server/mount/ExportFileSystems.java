package dev.handoff.server.mount;

import dev.handoff.server.exports.Export;
import dev.handoff.server.vfs.Vfs;
import java.util.Optional;

/** Finds the file system that serves an export; whoever opens the exported directories provides it. */
@FunctionalInterface
public interface ExportFileSystems {
    /** The file system of {@code export}, or empty when it could not be opened (the directory is missing). */
    Optional<Vfs> forExport(Export export);
}
