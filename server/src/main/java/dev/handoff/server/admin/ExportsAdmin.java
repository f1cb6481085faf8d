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
    /** Told of each reload an operator asked for here (not of reloads passed on from other nodes). */
    private volatile Runnable afterOperatorReload = () -> {
    };

    /** @param files the exports files, read in order as one; none for the {@code --export} directories alone */
    public ExportsAdmin(Exports exports, List<Path> files) {
        this.exports = exports;
        this.files = List.copyOf(files);
    }

    /**
     * In a cluster, every node reloads when an operator reloads one (a cluster serves one export table): the
     * hook passes the request on. Nodes read their own copies of the files, which the deployment keeps alike.
     */
    public void afterOperatorReload(Runnable hook) {
        this.afterOperatorReload = hook;
    }

    /** A reload an operator asked for on this node (SIGHUP, the admin API): passed on to the cluster too. */
    public ReloadReport reload() {
        ReloadReport report = reloadHere();
        afterOperatorReload.run();
        return report;
    }

    /** Reads the files again; serialized, so two reloads never interleave their logs or their swaps. */
    public synchronized ReloadReport reloadHere() {
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
