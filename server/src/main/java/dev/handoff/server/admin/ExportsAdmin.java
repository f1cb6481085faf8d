package dev.handoff.server.admin;

import dev.handoff.server.exports.ExportsError;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.ParseResult;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the exports from the configured files (with the {@code --export} directories), for SIGHUP, the
 * admin API and start-up alike. Every error and warning is logged with its file and line; a reload with any
 * error leaves the table in force untouched ({@link Exports#reload(List)}), so a typo never unexports a
 * directory that clients are using.
 */
public final class ExportsAdmin {
    private static final Logger log = LoggerFactory.getLogger(ExportsAdmin.class);

    private final Exports exports;
    private final List<Path> files;

    /** @param files the exports files, read in order as one; none for the {@code --export} directories alone */
    public ExportsAdmin(Exports exports, List<Path> files) {
        this.exports = exports;
        this.files = List.copyOf(files);
    }

    /** Reads the files again; serialized, so two reloads never interleave their logs or their swaps. */
    public synchronized ReloadReport reload() {
        ParseResult result = exports.reload(files);
        for (ExportsError e : result.errors()) {
            log.error("exports: {}", e);
        }
        for (ExportsError w : result.warnings()) {
            log.warn("exports: {}", w);
        }
        ReloadReport report = ReloadReport.of(result, exports.table());
        if (report.ok()) {
            log.info("exports reloaded from {}: {} exports in force", files, report.exports().size());
        } else {
            log.error("exports not reloaded: {} error(s) in {}; the previous {} exports stay in force",
                    report.errors().size(), files, report.exports().size());
        }
        return report;
    }

    public CurrentExports current() {
        return new CurrentExports(ExportView.of(exports.table()));
    }
}
