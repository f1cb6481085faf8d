package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {
    private static final InetSocketAddress CALLER = new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 800);

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("exports"), text);
    }

    @Test
    void beforeTheFirstReloadEveryCallIsRefused() {
        Exports exports = new Exports(HostResolver.NONE, List.of());

        assertThat(exports.decide(Path.of("/srv"), CALLER)).isInstanceOf(Access.Denied.class);
        assertThat(exports.table().exports()).isEmpty();
    }

    @Test
    void aGoodFileReplacesTheTable() throws IOException {
        Exports exports = new Exports(HostResolver.NONE, List.of());

        ParseResult result = exports.reload(write("/srv 10.0.0.0/8(rw)\n"));

        assertThat(result.errors()).isEmpty();
        assertThat(exports.decide(Path.of("/srv"), CALLER)).isInstanceOf(Access.Allowed.class);
    }

    @Test
    void aBadFileIsReportedWithFileAndLineAndTheOldTableStaysInForce() throws IOException {
        Exports exports = new Exports(HostResolver.NONE, List.of());
        Path file = write("/srv 10.0.0.0/8(rw)\n");
        exports.reload(file);
        ExportTable before = exports.table();

        ParseResult result = exports.reload(write("/srv 10.0.0.0/8(rw)\n/new *(rw,wat)\n"));

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        assertThat(result.errors()).extracting(Object::toString).containsExactly(file + ":2: unknown option 'wat'");
        assertThat(exports.table()).isSameAs(before);
        assertThat(exports.decide(Path.of("/srv"), CALLER)).isInstanceOf(Access.Allowed.class);
    }

    @Test
    void aMissingOrInvalidFileIsAnErrorThatKeepsTheOldTable() throws IOException {
        Exports exports = new Exports(HostResolver.NONE, List.of());
        exports.reload(write("/srv *(rw)\n"));
        ExportTable before = exports.table();
        Path latin1 = Files.write(dir.resolve("latin1"), "/caf\u00e9 *(rw)\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(exports.reload(dir.resolve("absent")).errors()).extracting(Object::toString)
                .containsExactly(dir.resolve("absent") + ": cannot read: no such file");
        assertThat(exports.reload(dir).errors()).extracting(ExportsError::message)
                .containsExactly("cannot read: not a regular file");
        assertThat(exports.reload(latin1).errors()).extracting(ExportsError::message)
                .containsExactly("cannot read: not valid UTF-8");
        assertThat(exports.table()).isSameAs(before);
    }

    @Test
    void commandLineExportsAreInEveryTableAndAloneWithoutAFile() throws IOException {
        Exports exports = new Exports(HostResolver.NONE, List.of(Path.of("/data")));

        assertThat(exports.reload(List.of()).errors()).isEmpty();
        assertThat(exports.table()).hasToString("/data *(rw)\n");
        assertThat(exports.reload(write("/srv *(ro)\n")).errors()).isEmpty();
        assertThat(exports.table()).hasToString("/srv *(ro)\n/data *(rw)\n");
    }

    @Test
    void warningsComeBackWithASuccessfulReload() throws IOException {
        Exports exports = new Exports(HostResolver.NONE, List.of());

        ParseResult result = exports.reload(write("/srv host1 (rw)\n"));

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(result.warnings()).extracting(ExportsError::line).containsExactly(1);
    }
}
