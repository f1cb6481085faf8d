package dev.handoff.server.vfs.local;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of {@link LocalVfs}: each test gets a fresh {@link ExportFixture} over its own temporary directory,
 * closed after it. A subclass's own {@code @BeforeEach} runs after this one, with the export open.
 */
abstract class ExportTestCase {
    @TempDir
    Path tmp;
    ExportFixture export;
    LocalVfs vfs;

    @BeforeEach
    final void openExport() throws Exception {
        export = ExportFixture.under(tmp);
        vfs = export.vfs;
    }

    @AfterEach
    final void closeExport() throws Exception {
        if (export != null) {
            export.close();
        }
    }
}
