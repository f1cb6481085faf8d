package dev.handoff.it.nfs3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelExportsTest {
    @TempDir
    Path tmp;

    @Test
    void exportsFileGivesRootToRootOnOneExportAndSquashesItOnTheOther() {
        assertThat(KernelExports.exportsText(Path.of("/x/rw"), Path.of("/x/squash")))
                .contains("\n/x/rw *(rw,no_root_squash)\n")
                .endsWith("\n/x/squash *(rw)\n");
    }

    @Test
    void serverCommandStartsHandoffInTheBackgroundWithItsStateInTheNodeDirectory() {
        assertThat(KernelExports.serverCommand(Path.of("/x/exports")))
                .isEqualTo("HANDOFF_NO_BUILD=1 ./handoff serve --exports '/x/exports' --state-dir \"$NODE_DIR/state\" &");
    }

    @Test
    void createMakesTheLayoutTheGuestTestsExpect() throws Exception {
        try (KernelExports e = KernelExports.create(tmp, 3)) {
            assertThat(e.root().getParent()).isEqualTo(tmp);
            try (var names = Files.list(e.noRootSquash().resolve("many"))) {
                assertThat(names.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("f00001", "f00002", "f00003");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(e.rootSquash())))
                    .isEqualTo("rwxrwxrwx");
            assertThat(Files.readString(e.rootSquash().resolve("rootfile"))).isEqualTo("owned by root\n");
            assertThat(Files.readString(e.exportsFile()))
                    .isEqualTo(KernelExports.exportsText(e.noRootSquash(), e.rootSquash()));
            // guest variables allow only these characters in paths
            assertThat(e.rootSquash().toString()).matches("[A-Za-z0-9_.,:/=+@%-]+");
        }
    }

    @Test
    void closeRemovesEverything() throws Exception {
        KernelExports e = KernelExports.create(tmp, 2);
        e.close();
        assertThat(e.root()).doesNotExist();
    }
}
