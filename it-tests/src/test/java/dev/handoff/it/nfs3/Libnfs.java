package dev.handoff.it.nfs3;

import dev.handoff.it.ToolRun;
import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's libnfs tools (libnfs-utils 4.0: nfs-cp, nfs-ls, nfs-cat), run inside a network namespace against
 * one server address. Their URL is {@code nfs://SERVER/EXPORT[/FILE]?arg=value&...}: 4.0 takes no
 * {@code :port} after the server; it asks the server's portmapper (port 111) for MOUNT and NFS unless
 * {@code nfsport=}/{@code mountport=} are given. Run as root, libnfs binds a source port below 1024, so
 * {@code secure} exports accept it; it sends AUTH_SYS with the caller's uid and gid (0 here, squashed by
 * {@code root_squash}). {@code autoreconnect} is -1 (forever) by default: after a lost connection it resends
 * the calls in flight with the file handles it already holds.
 */
public final class Libnfs {
    public static final String NFS_CP = "/usr/bin/nfs-cp";
    public static final String NFS_LS = "/usr/bin/nfs-ls";
    public static final String NFS_CAT = "/usr/bin/nfs-cat";
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final NetworkNamespace ns;
    private final String server;
    private final Map<String, String> args;

    public Libnfs(NetworkNamespace ns, String server, Map<String, String> args) {
        this.ns = ns;
        this.server = server;
        this.args = Map.copyOf(args);
    }

    /** Skips (or fails in CI) when the tools are missing. */
    public static void requireTools() {
        for (String tool : List.of(NFS_CP, NFS_LS, NFS_CAT)) {
            Prerequisites.requireTool(tool, "libnfs-utils");
        }
    }

    /** The URL of a file or directory below an export; {@code relative} may be empty for the export itself. */
    public String url(Path export, String relative) {
        String path = export.toAbsolutePath().toString() + (relative.isEmpty() ? "" : "/" + relative);
        String query = args.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return "nfs://" + server + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** nfs-cp SOURCE DEST, each a local path or an nfs:// URL. */
    public ToolRun cp(String source, String destination) throws IOException, InterruptedException {
        return ToolRun.run(ns.command(NFS_CP, source, destination), LIMIT);
    }

    /** nfs-cp started in the background (for disturbing the server while it copies). */
    public Process startCp(String source, String destination, Path log) throws IOException {
        return new ProcessBuilder(ns.command(NFS_CP, source, destination)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    public ToolRun ls(String url) throws IOException, InterruptedException {
        return ToolRun.run(ns.command(NFS_LS, url), LIMIT);
    }

    /** The entries nfs-ls printed for the directory; fails with nfs-ls's output when it did not succeed. */
    public List<NfsLsEntry> list(String url) throws IOException, InterruptedException {
        ToolRun run = ls(url);
        if (!run.succeeded()) {
            throw new AssertionError("nfs-ls failed: " + run.describe());
        }
        return run.output().lines().flatMap(l -> NfsLsEntry.parse(l).stream()).toList();
    }

    public ToolRun cat(String url) throws IOException, InterruptedException {
        return ToolRun.run(ns.command(NFS_CAT, url), LIMIT);
    }
}
