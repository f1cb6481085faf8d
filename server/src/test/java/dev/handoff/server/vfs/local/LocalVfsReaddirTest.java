package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.EXPORT_ID;
import static dev.handoff.server.vfs.local.ExportFixture.OTHER;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.DirectoryPage;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalVfsReaddirTest extends ExportTestCase {
    @Test
    void listsDotDotDotAndEveryNameWithTheKernelsCookies() throws Exception {
        Inode d = export.directory("d", 0755, 0);
        Files.writeString(export.dir.resolve("d/a"), "");
        Files.createDirectory(export.dir.resolve("d/b"));

        DirectoryPage page = vfs.readdir(USER, d, 0, 100, false);

        assertThat(page.eof()).isTrue();
        assertThat(names(page)).containsExactlyInAnyOrder(".", "..", "a", "b");
        assertThat(page.entries()).allSatisfy(e -> {
            assertThat(e.inode()).isNull();
            assertThat(e.attributes()).isNull();
            assertThat(e.cookie()).isNotZero();
        });
        assertThat(entry(page, "..").fileId()).isEqualTo(vfs.getattr(export.root()).fileId());
        assertThat(entry(page, "a").fileId()).isEqualTo((long) Files.getAttribute(export.dir.resolve("d/a"), "unix:ino"));
    }

    @Test
    void dotDotOfTheExportRootIsTheRoot() throws Exception {
        DirectoryPage page = vfs.readdir(ROOT, export.root(), 0, 100, true);

        long rootId = vfs.getattr(export.root()).fileId();
        DirectoryPage.Entry up = entry(page, "..");
        assertThat(up.fileId()).isEqualTo(rootId);
        assertThat(up.inode()).isEqualTo(export.root());
        assertThat(up.attributes().fileId()).isEqualTo(rootId);
        assertThat(entry(page, ".").inode()).isEqualTo(export.root());
    }

    @Test
    void plusAddsEachEntrysInodeAndAttributesWithoutFollowingSymlinks() throws Exception {
        Inode d = export.directory("d", 0755, 0);
        Inode file = export.file("d/f", "12345", 0640, USER.uid());
        Files.createSymbolicLink(export.dir.resolve("d/etc"), Path.of("/etc"));

        DirectoryPage page = vfs.readdir(USER, d, 0, 100, true);

        DirectoryPage.Entry f = entry(page, "f");
        assertThat(f.inode()).isEqualTo(file);
        assertThat(f.attributes().size()).isEqualTo(5);
        assertThat(f.attributes().fsid()).isEqualTo(EXPORT_ID);
        DirectoryPage.Entry link = entry(page, "etc");
        assertThat(link.attributes().kind()).isEqualTo(FileKind.SYMLINK);
        assertThat(link.inode()).isEqualTo(vfs.lookup(USER, d, name("etc")));
        DirectoryPage.Entry up = entry(page, "..");
        assertThat(up.inode()).isEqualTo(export.root());
        assertThat(entry(page, ".").inode()).isEqualTo(d);
    }

    @Test
    void plusLeavesOutWhatTheCallerMayNotSearchButStillListsTheNames() throws Exception {
        Inode d = export.directory("d", 0744, OTHER.uid()); // readable, not searchable by USER
        Files.writeString(export.dir.resolve("d/f"), "");

        DirectoryPage page = vfs.readdir(USER, d, 0, 100, true);

        assertThat(names(page)).contains("f");
        assertThat(entry(page, "f").inode()).isNull();
        assertThat(entry(page, "f").attributes()).isNull();
    }

    @Test
    void listingNeedsReadPermission() throws Exception {
        Inode d = export.directory("d", 0711, OTHER.uid());

        assertErrno(Errno.EACCES, () -> vfs.readdir(USER, d, 0, 100, false));
        assertErrno(Errno.ENOTDIR, () -> vfs.readdir(USER, export.file("f", "", 0644, 0), 0, 100, false));
    }

    @Test
    void aFullPageIsNotTheEndAndTheNextStartsAfterItsLastCookie() throws Exception {
        Inode d = export.directory("d", 0755, 0);
        for (int i = 0; i < 5; i++) {
            Files.writeString(export.dir.resolve("d/f" + i), "");
        }

        DirectoryPage all = vfs.readdir(USER, d, 0, 7, false); // ".", "..", f0..f4
        DirectoryPage allButOne = vfs.readdir(USER, d, 0, 6, false);

        assertThat(all.entries()).hasSize(7);
        assertThat(all.eof()).isTrue();
        assertThat(allButOne.eof()).isFalse();
        DirectoryPage rest = vfs.readdir(USER, d, allButOne.entries().getLast().cookie(), 7, false);
        assertThat(rest.entries()).hasSize(1).first().isEqualTo(all.entries().getLast());
        assertThat(rest.eof()).isTrue();
        assertThat(vfs.readdir(USER, d, 0, 0, false)).isEqualTo(new DirectoryPage(List.of(), false));
    }

    @Test
    void pagesThroughTenThousandEntriesEachExactlyOnceWhileFilesComeAndGo() throws Exception {
        Inode d = export.directory("big", 0777, 0);
        Path big = export.dir.resolve("big");
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            Files.createFile(big.resolve("stay-" + i));
        }

        Map<String, Integer> seen = new HashMap<>();
        Set<String> removed = new HashSet<>();
        long cookie = 0;
        int pages = 0;
        int churn = 0;
        DirectoryPage page;
        do {
            page = vfs.readdir(USER, d, cookie, 500, pages % 2 == 0);
            for (DirectoryPage.Entry e : page.entries()) {
                seen.merge(text(e.name()), 1, Integer::sum);
            }
            cookie = page.entries().isEmpty() ? cookie : page.entries().getLast().cookie();
            pages++;
            // Between pages, other clients add and remove names (the removed ones were listed or not).
            for (int i = 0; i < 20; i++, churn++) {
                Files.createFile(big.resolve("new-" + churn));
                String gone = "stay-" + (churn * 7 % count);
                if (removed.add(gone)) {
                    Files.delete(big.resolve(gone));
                }
            }
        } while (!page.eof());

        assertThat(pages).isGreaterThan(count / 500);
        assertThat(seen.values()).as("no name twice").allMatch(n -> n == 1);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "stay-" + i;
            if (!removed.contains(name) && !seen.containsKey(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("every name present throughout is listed").isEmpty();
        assertThat(seen).containsKeys(".", "..");
    }

    private static List<String> names(DirectoryPage page) {
        return page.entries().stream().map(e -> text(e.name())).toList();
    }

    private static DirectoryPage.Entry entry(DirectoryPage page, String name) {
        return page.entries().stream().filter(e -> text(e.name()).equals(name)).findFirst().orElseThrow();
    }

    private static String text(Opaque name) {
        return new String(name.toByteArray(), StandardCharsets.UTF_8);
    }
}
