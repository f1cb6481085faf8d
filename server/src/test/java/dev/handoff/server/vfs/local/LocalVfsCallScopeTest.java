package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.vfs.CallScope;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Inside a {@link CallScope} a file is opened once per call, and at most a handful stay open. */
class LocalVfsCallScopeTest extends ExportTestCase {
    @Test
    void aCallOpensEachFileOnceAndClosesItWithTheScope() throws Exception {
        Inode sub = export.directory("sub", 0755, 0);
        Files.writeString(export.dir.resolve("sub/f"), "x");
        long before = openDescriptors();
        try (CallScope _ = CallScope.begin()) {
            Inode file = vfs.lookup(USER, sub, name("f"));
            vfs.getattr(file);
            vfs.getattr(sub);
            vfs.access(USER, file, 1);
            assertThat(openDescriptors()).as("sub and f, each once").isEqualTo(before + 2);
        }
        assertThat(openDescriptors()).isEqualTo(before);
    }

    @Test
    void aCallTouchingManyFilesKeepsAtMostTheScopesCapacity() throws Exception {
        Inode sub = export.directory("many", 0755, 0);
        List<Inode> files = new ArrayList<>();
        for (int i = 0; i < 3 * CallScope.CAPACITY; i++) {
            Files.writeString(export.dir.resolve("many/f" + i), "x");
            files.add(vfs.lookup(ROOT, sub, name("f" + i)));
        }
        long before = openDescriptors();
        try (CallScope _ = CallScope.begin()) {
            for (Inode f : files) {
                assertThat(vfs.getattr(f).kind()).isEqualTo(FileKind.REGULAR);
                assertThat(openDescriptors()).isLessThanOrEqualTo(before + CallScope.CAPACITY);
            }
        }
        assertThat(openDescriptors()).isEqualTo(before);
    }

    @Test
    void aFileRemovedInAnEarlierCallIsStaleInTheNextOne() throws Exception {
        Files.writeString(export.dir.resolve("gone"), "x");
        Inode gone;
        try (CallScope _ = CallScope.begin()) {
            gone = vfs.lookup(ROOT, export.root(), name("gone"));
            vfs.getattr(gone);
            vfs.remove(ROOT, export.root(), name("gone"));
        }
        try (CallScope _ = CallScope.begin()) {
            ExportFixture.assertErrno(dev.handoff.server.linux.Errno.ESTALE, () -> vfs.getattr(gone));
        }
    }

    @Test
    void withoutAScopeNothingStaysOpen() throws Exception {
        long before = openDescriptors();
        vfs.getattr(export.root());
        vfs.access(USER, export.root(), 1);
        assertThat(openDescriptors()).isEqualTo(before);
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
