package dev.handoff.nsm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsmStateFilesTest {
    private static final MyId LOCKD = new MyId("handoff", 100_021, 4, 16);
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    private static final ServerName VIP = ServerName.of(InetAddress.ofLiteral("10.0.0.100"));
    private static final Monitor BY_ADDRESS = new Monitor(new MonId("10.0.0.7", LOCKD), PRIV,
            InetAddress.ofLiteral("10.0.0.7"), List.of(VIP, ServerName.host("nfs.example")), 5,
            Instant.parse("2025-03-01T10:00:00Z"));
    private static final Monitor BY_NAME = new Monitor(new MonId("client8.example", new MyId("h", -1, 0, 7)), PRIV,
            null, List.of(ServerName.of(InetAddress.ofLiteral("fd00::100"))), 0,
            Instant.parse("2025-03-01T10:00:01.5Z"));
    private static final NsmSnapshot SNAPSHOT = new NsmSnapshot(7, List.of(BY_ADDRESS, BY_NAME),
            List.of(new NotifyTarget("10.0.0.9", InetAddress.ofLiteral("10.0.0.9"), VIP),
                    new NotifyTarget("old.example", null, ServerName.host("nfs.example"))));

    @TempDir
    Path dir;

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void anEmptyDirectoryHoldsNoSnapshot() throws IOException {
        assertThat(new NsmStateFiles(dir.resolve("missing")).load()).isEqualTo(NsmSnapshot.EMPTY);
    }

    @Test
    void whatIsSavedIsLoadedByTheNextProcess() throws IOException {
        new NsmStateFiles(dir).save(SNAPSHOT);
        assertThat(new NsmStateFiles(dir).load()).isEqualTo(SNAPSHOT);
        assertThat(Files.readString(dir.resolve(NsmStateFiles.STATE_FILE))).isEqualTo("7\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left").containsExactlyInAnyOrder("state", "monitors.json");
        }
    }

    @Test
    void theStateNumberIsWrittenUnsigned() throws IOException {
        NsmStateFiles files = new NsmStateFiles(dir);
        files.save(new NsmSnapshot(-1, List.of(), List.of()));
        assertThat(Files.readString(dir.resolve("state"))).isEqualTo("4294967295\n");
        assertThat(files.load().state()).isEqualTo(-1);
    }

    @Test
    void aLaterSaveReplacesTheWholeSnapshot() throws IOException {
        NsmStateFiles files = new NsmStateFiles(dir);
        files.save(SNAPSHOT);
        NsmSnapshot next = new NsmSnapshot(9, List.of(BY_NAME), List.of());
        files.save(next);
        assertThat(new NsmStateFiles(dir).load()).isEqualTo(next);
    }

    @Test
    void aGarbledStateNumberStartsTheNumbersAgainAsStatdDoes() throws IOException {
        write("state", "seven\n");
        assertThat(new NsmStateFiles(dir).load().state()).isZero();
    }

    @Test
    void aListThatIsNotJsonIsRefusedRatherThanForgotten() throws IOException {
        write("monitors.json", "{\"monitors\": [");
        assertThatThrownBy(() -> new NsmStateFiles(dir).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("monitors.json");
        write("monitors.json", "{\"version\": 1}");
        assertThatThrownBy(() -> new NsmStateFiles(dir).load()).isInstanceOf(IOException.class);
    }

    @Test
    void entriesThatCouldNotHaveBeenWrittenAreSkipped() throws IOException {
        new NsmStateFiles(dir).save(SNAPSHOT);
        String good = Files.readString(dir.resolve("monitors.json"));
        String bad = good
                .replace("\"monitors\":[", "\"monitors\":[{\"monName\":\"x\",\"myName\":\"h\",\"myProg\":1,"
                        + "\"myVers\":1,\"myProc\":1,\"priv\":\"0011\",\"knownAs\":[{\"name\":\"n\"}],"
                        + "\"peerState\":0,\"since\":\"2025-03-01T10:00:00Z\"},")
                .replace("\"notify\":[", "\"notify\":[{\"peer\":\"" + "h".repeat(1025) + "\",\"name\":\"n\"},"
                        + "{\"peer\":\"p\",\"address\":\"host.example\",\"name\":\"n\"},");
        write("monitors.json", bad);
        assertThat(new NsmStateFiles(dir).load()).as("a short cookie, a long name, a host name for an address")
                .isEqualTo(SNAPSHOT);
    }
}
