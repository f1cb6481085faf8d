package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.nfs3.Nfs3Context;
import dev.handoff.server.nfs3.Nfs3Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start's warm-up runs the NFS read path against the real export and leaves it exactly as it was. */
class ServingWarmupTest {
    @TempDir
    Path root;

    private Exports exports(String options) throws IOException {
        Path export = Files.createDirectories(root.resolve("export"));
        Files.createDirectories(export.resolve("dir"));
        Files.writeString(export.resolve("file"), "0123456789");
        Path exportsFile = Files.writeString(root.resolve("exports"), export + " -fsid=1 " + options + "\n");
        Exports exports = new Exports(HostResolver.NONE, List.of());
        assertThat(exports.reload(exportsFile).errors()).isEmpty();
        return exports;
    }

    private static ServingWarmup.Result warm(Exports exports) {
        SignedHandles handles = new SignedHandles(HandleKey.of(new byte[32]));
        ExportFileSystemCache fileSystems = new ExportFileSystemCache(exports::table);
        List<RpcProgram> programs = List.of(Nfs3Program.create(new Nfs3Context(exports::table, fileSystems, handles,
                Nfs3Context.randomWriteVerifier(), inode -> { })));
        try {
            return ServingWarmup.run(programs, handles, fileSystems, exports.table().exports());
        } finally {
            fileSystems.close();
        }
    }

    /** Every entry's name, size and modification time, the export root's included. */
    private TreeMap<String, String> snapshot() throws IOException {
        TreeMap<String, String> seen = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("export"))) {
            for (Path p : files.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                seen.put(root.relativize(p).toString(), a.size() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return seen;
    }

    /** Warms an export with these options; checks that all nine calls ran 300 times and nothing changed. */
    private int answeredOk(String options) throws Exception {
        Exports exports = exports(options);
        TreeMap<String, String> before = snapshot();
        ServingWarmup.Result result = warm(exports);
        assertThat(result.calls()).isEqualTo(9 * 300);
        assertThat(snapshot()).as("the export after the warm-up").isEqualTo(before);
        return result.ok();
    }

    @Test
    void theReadPathRunsAndNothingChanges() throws Exception {
        // GETATTR, ACCESS, LOOKUP ".", READDIRPLUS, FSSTAT, FSINFO and PATHCONF answer OK; READ and WRITE of the
        // root directory are refused by the file system.
        assertThat(answeredOk("*(rw,insecure)")).isEqualTo(7 * 300);
    }

    @Test
    void anExportThatTurnsLoopbackAwayIsWarmedOnlyAsFarAsTheRefusal() throws Exception {
        assertThat(answeredOk("192.0.2.1(rw)")).isZero();
    }
}
