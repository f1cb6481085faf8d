package dev.handoff.server.linux;

import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.TestFiles.assertErrno;
import static dev.handoff.server.linux.TestFiles.b;
import static dev.handoff.server.linux.TestFiles.open;
import static dev.handoff.server.linux.TestFiles.openDir;
import static dev.handoff.server.linux.TestFiles.stat;
import static dev.handoff.server.linux.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirStreamTest {
    @TempDir
    Path tmp;
    Fd dir;

    @BeforeEach
    void openTempDir() throws ErrnoException {
        dir = openDir(tmp);
    }

    @AfterEach
    void closeTempDir() throws ErrnoException {
        dir.close();
    }

    @Test
    void listsEveryEntryAcrossManySmallReads() throws Exception {
        for (int i = 0; i < 300; i++) {
            write(dir, "file-" + i, "");
        }
        LinuxFs.mkdirat(dir, b("sub"), 0755);

        List<DirEntry> entries = readAll(DirStream.MIN_BUFFER);

        Set<String> names = entries.stream().map(e -> new String(e.name().toByteArray())).collect(Collectors.toSet());
        assertThat(entries).hasSize(303);
        assertThat(names).contains(".", "..", "sub", "file-0", "file-299").hasSize(303);
        DirEntry sub = entries.stream().filter(e -> e.name().equals(Opaque.copyOf(b("sub")))).findFirst().orElseThrow();
        assertThat(sub.type()).contains(FileType.DIRECTORY);
        assertThat(sub.ino()).isEqualTo(stat(dir, "sub").ino());
        assertThat(entries.stream().filter(DirEntry::isDotOrDotDot)).hasSize(2);
    }

    @Test
    void resumesAfterTheCookieOfAnEarlierEntry() throws Exception {
        for (int i = 0; i < 50; i++) {
            write(dir, "f" + i, "");
        }
        List<DirEntry> all = readAll(4096);

        try (Fd reader = open(dir, ".", O_RDONLY | O_DIRECTORY); DirStream stream = new DirStream(reader, 4096)) {
            stream.seek(all.get(19).cookie());
            List<DirEntry> rest = new ArrayList<>();
            for (DirEntry e = stream.next(); e != null; e = stream.next()) {
                rest.add(e);
            }
            assertThat(rest).containsExactlyElementsOf(all.subList(20, all.size()));

            stream.seek(0);
            assertThat(stream.next()).isEqualTo(all.get(0));
        }
    }

    @Test
    void keepsNamesAsTheKernelsBytesEvenWhenTheyAreNotUtf8() throws Exception {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
        LinuxFs.openat(dir, latin1, OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644).close();

        List<DirEntry> entries = readAll(1024);

        assertThat(entries).extracting(DirEntry::name).contains(Opaque.copyOf(latin1));
        assertThat(entries).filteredOn(e -> e.name().equals(Opaque.copyOf(latin1)))
                .singleElement().satisfies(e -> assertThat(e.type()).contains(FileType.REGULAR));
    }

    @Test
    void needsADescriptorOpenForReadingNotOpath() throws Exception {
        try (Fd path = open(dir, ".", O_PATH | O_DIRECTORY); DirStream stream = new DirStream(path, 1024)) {
            assertErrno(Errno.EBADF, stream::next);
        }
    }

    @Test
    void refusesBuffersTooSmallForOneRecordOrUnreasonablyLarge() {
        assertThatThrownBy(() -> new DirStream(dir, DirStream.MIN_BUFFER - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirStream(dir, DirStream.MAX_BUFFER + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyOrOverlongNamesInEntries() {
        assertThatThrownBy(() -> new DirEntry(1, 1, 8, Opaque.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirEntry(1, 1, 8, Opaque.copyOf(new byte[256])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<DirEntry> readAll(int bufferSize) throws ErrnoException {
        List<DirEntry> entries = new ArrayList<>();
        try (Fd reader = open(dir, ".", O_RDONLY | O_DIRECTORY); DirStream stream = new DirStream(reader, bufferSize)) {
            for (DirEntry e = stream.next(); e != null; e = stream.next()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
