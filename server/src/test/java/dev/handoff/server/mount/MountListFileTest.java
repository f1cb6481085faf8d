package dev.handoff.server.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.server.mount.xdr.MountEntry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountListFileTest {
    @TempDir
    Path stateDir;

    @Test
    void aMissingFileIsAnEmptyList() throws IOException {
        assertThat(MountListFile.inStateDirectory(stateDir.resolve("new")).load()).isEmpty();
    }

    @Test
    void theListSurvivesARestart() throws IOException {
        MountList before = new MountList(10, MountListFile.inStateDirectory(stateDir.resolve("sub")));
        before.add("10.0.0.7", "/srv/a b");
        before.add("2001:db8:0:0:0:0:0:1", "/srv");

        MountList after = new MountList(10, MountListFile.inStateDirectory(stateDir.resolve("sub")));

        assertThat(after.entries()).containsExactly(new MountEntry("10.0.0.7", "/srv/a b"),
                new MountEntry("2001:db8:0:0:0:0:0:1", "/srv"));
        assertThat(stateDir.resolve("sub")).isDirectoryContaining(p -> p.endsWith("mounts.json"))
                .isDirectoryNotContaining(p -> p.toString().endsWith(".new"));
    }

    @Test
    void theFileIsSmallVersionedJson() throws IOException {
        MountListFile file = MountListFile.inStateDirectory(stateDir);
        file.save(List.of(new MountEntry("10.0.0.7", "/srv")));
        assertThat(Files.readString(stateDir.resolve(MountListFile.FILE_NAME)))
                .isEqualTo("{\"version\":1,\"mounts\":[{\"host\":\"10.0.0.7\",\"directory\":\"/srv\"}]}");
    }

    @Test
    void entriesMntCouldNotHaveMadeAreSkipped() throws IOException {
        Files.writeString(stateDir.resolve(MountListFile.FILE_NAME), """
                {"version":1,"mounts":[
                  {"host":"10.0.0.7","directory":"/srv"},
                  {"host":"","directory":"/srv"},
                  {"host":"10.0.0.8","directory":"/srv/../etc"},
                  {"host":"10.0.0.8","directory":"relative"},
                  {"host":"10.0.0.8","directory":"/%s"},
                  {"host":"%s","directory":"/srv"},
                  {"directory":"/srv"},
                  42
                ]}""".formatted("d".repeat(1024), "h".repeat(256)));
        assertThat(MountListFile.inStateDirectory(stateDir).load()).containsExactly(new MountEntry("10.0.0.7", "/srv"));
    }

    @Test
    void aCorruptOrOversizedFileIsRefused() throws IOException {
        Path path = stateDir.resolve(MountListFile.FILE_NAME);
        MountListFile file = MountListFile.inStateDirectory(stateDir);
        Files.writeString(path, "{\"mounts\": [");
        assertThatThrownBy(file::load).isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
        Files.writeString(path, "{\"version\":1}");
        assertThatThrownBy(file::load).isInstanceOf(IOException.class).hasMessageContaining("\"mounts\"");
        try (RandomAccessFile sparse = new RandomAccessFile(path.toFile(), "rw")) {
            sparse.setLength(MountListFile.MAX_BYTES + 1);
        }
        assertThatThrownBy(file::load).isInstanceOf(IOException.class).hasMessageContaining("at most");
    }
}
