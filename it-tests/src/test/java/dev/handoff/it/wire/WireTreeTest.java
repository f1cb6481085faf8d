package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WireTreeTest {
    private final WireTree tree = new WireTree(Path.of("/tmp/w"));

    @Test
    void theExportsFileServesFourExportsToLoopbackFromUnprivilegedPorts() {
        assertThat(tree.exports(true).lines().filter(l -> !l.startsWith("#"))).containsExactly(
                "/tmp/w/rw 127.0.0.1(rw,insecure,no_root_squash)",
                "/tmp/w/squash 127.0.0.1(rw,insecure)",
                "/tmp/w/ro 127.0.0.1(ro,insecure,no_root_squash)",
                "/tmp/w/gone 127.0.0.1(rw,insecure,no_root_squash)");
    }

    @Test
    void withoutGoneOnlyThatExportIsLeftOut() {
        assertThat(tree.exports(false)).doesNotContain("/tmp/w/gone").contains("/tmp/w/rw ");
    }

    @Test
    void theBigDirectoryNamesAreDistinctAndSortable() {
        assertThat(WireTree.bigNames()).hasSize(WireTree.BIG_ENTRIES).doesNotHaveDuplicates().isSorted()
                .startsWith("f00000").endsWith("f02999");
    }
}
