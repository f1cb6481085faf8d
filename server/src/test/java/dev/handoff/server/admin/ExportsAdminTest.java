package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ExportsAdminTest {
    @TempDir
    Path dir;
    private Path file;
    private Exports exports;
    private ExportsAdmin admin;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void setUp() {
        file = dir.resolve("exports");
        exports = new Exports(HostResolver.NONE, List.of());
        admin = new ExportsAdmin(exports, List.of(file));
        logged.start();
        ((Logger) LoggerFactory.getLogger(ExportsAdmin.class)).addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(ExportsAdmin.class)).detachAppender(logged);
    }

    private List<String> logLines() {
        return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void aGoodFileIsPutInForceAndItsWarningsReportedWithFileAndLine() throws IOException {
        Files.writeString(file, "# shares\n/srv 10.0.0.0/8(rw)\n/pub\n");

        ReloadReport report = admin.reload();

        assertThat(report.ok()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Problem::file, Problem::line).containsExactly(
                tuple(file.toString(), 3));
        assertThat(report.exports()).extracting(ExportView::path).containsExactly("/srv", "/pub");
        assertThat(report.exports().getFirst().clients()).containsExactly(new ExportView.Client("10.0.0.0/8", "rw"));
        assertThat(exports.table().exports()).hasSize(2);
        assertThat(logLines()).anyMatch(l -> l.startsWith("WARN exports: " + file + ":3: "));
    }

    @Test
    void aBadFileKeepsTheOldTableAndReportsEachErrorWithFileAndLine() throws IOException {
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n");
        admin.reload();
        ExportTable before = exports.table();
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n\n/data *(rw,bogus)\n");

        ReloadReport report = admin.reload();

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).hasSize(1);
        Problem error = report.errors().getFirst();
        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).contains("bogus");
        assertThat(error).hasToString(file + ":3: " + error.message());
        assertThat(exports.table()).isSameAs(before);
        assertThat(report.exports()).extracting(ExportView::path).as("the table still in force")
                .containsExactly("/srv");
        assertThat(logLines()).contains("ERROR exports: " + file + ":3: " + error.message())
                .anyMatch(l -> l.startsWith("ERROR exports not reloaded: 1 error(s)"));
    }

    @Test
    void aMissingFileIsAnErrorOfTheWholeFile() {
        ReloadReport report = admin.reload();

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).containsExactly(new Problem(file.toString(), 0, "cannot read: no such file"));
    }

    @Test
    void currentShowsTheTableInForceWithIdsAndLinesThatParseBack() throws IOException {
        Files.writeString(file, "/srv 10.0.0.0/8(rw,fsid=7) *(ro)\n");
        admin.reload();

        ExportView srv = admin.current().exports().getFirst();

        assertThat(srv.id()).isEqualTo(7);
        assertThat(srv.line()).isEqualTo("/srv 10.0.0.0/8(rw,fsid=7) *(ro,fsid=7)");
        assertThat(srv.clients()).containsExactly(new ExportView.Client("10.0.0.0/8", "rw"),
                new ExportView.Client("*", "ro"));
    }
}
