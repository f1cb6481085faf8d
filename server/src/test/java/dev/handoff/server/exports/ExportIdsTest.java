package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportIdsTest {
    @Test
    void derivedIdsAreTheFirstBitsOfSha256OfThePathAndNeverChange() {
        // sha256("/srv") starts with a3d9ac4f; every node and every release must keep computing this.
        assertThat(ExportIds.derive(Path.of("/srv"))).isEqualTo(0xa3d9ac4f);
        assertThat(ExportIds.format(ExportIds.derive(Path.of("/srv")))).isEqualTo("2748951631");
    }

    @Test
    void derivedIdsHaveTheTopBitSetSoThatTheyNeverEqualAnFsid() {
        // sha256("/export") starts with 1e8cb7f7, below 2^31: the top bit is forced.
        int id = ExportIds.derive(Path.of("/export"));

        assertThat(id).isEqualTo(0x9e8cb7f7);
        assertThat(ExportIds.isExplicit(id)).isFalse();
        assertThat(ExportIds.isExplicit(0)).isTrue();
        assertThat(ExportIds.isExplicit(ExportIds.MAX_FSID)).isTrue();
    }
}
