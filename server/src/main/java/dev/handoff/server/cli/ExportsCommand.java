package dev.handoff.server.cli;

import dev.handoff.server.admin.ExportView;
import dev.handoff.server.admin.Problem;
import dev.handoff.server.admin.ReloadReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code handoff exports reload|list}: asks a running server, through its admin API, to reload its exports or
 * to show them. Exit codes: 0 done, 1 the exports have errors (the server keeps its previous ones), 2 the
 * server could not be reached.
 */
@Command(name = "exports", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reload or list the exports of a running server (through its admin API).",
        subcommands = {ExportsCommand.Reload.class, ExportsCommand.ListExports.class})
final class ExportsCommand implements Runnable {
    static final int OK = AdminOption.OK;
    static final int INVALID_EXPORTS = AdminOption.FAILED;
    static final int UNREACHABLE = AdminOption.UNREACHABLE;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "reload", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Re-read the exports file(s) of a running server (as SIGHUP does).",
                    "Errors and warnings are printed with file and line.",
                    "With any error the server keeps its previous exports.",
                    "Exit: 0 reloaded, 1 errors, 2 server not reachable."})
    static final class Reload implements Callable<Integer> {
        @Mixin
        AdminOption admin;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return admin.call(spec, (client, out, err) -> {
                ReloadReport report = client.reload();
                report.errors().forEach(e -> err.println(located(e, "error")));
                report.warnings().forEach(w -> err.println(located(w, "warning")));
                if (!report.ok()) {
                    err.println("exports not reloaded: " + report.errors().size()
                            + " error(s); the server keeps its previous " + report.exports().size() + " export(s)");
                    return INVALID_EXPORTS;
                }
                out.println("exports reloaded: " + report.exports().size() + " export(s) in force");
                return OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Print the exports a running server has in force.",
                    "One exports(5) line each. Exit: 0 listed, 2 server not reachable."})
    static final class ListExports implements Callable<Integer> {
        @Mixin
        AdminOption admin;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return admin.call(spec, (client, out, err) -> {
                for (ExportView export : client.exports().exports()) {
                    out.println(export.line());
                }
                return OK;
            });
        }
    }

    /** {@code file:line: error: message}, the form editors and CI annotate. */
    static String located(Problem p, String severity) {
        String where = p.line() > 0 ? p.file() + ":" + p.line() : p.file();
        return where + ": " + severity + ": " + p.message();
    }
}
