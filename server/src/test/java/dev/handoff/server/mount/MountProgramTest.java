package dev.handoff.server.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.message.AuthFlavor;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.mount.xdr.ExportEntry;
import dev.handoff.server.mount.xdr.Mnt1Result;
import dev.handoff.server.mount.xdr.Mnt3Result;
import dev.handoff.server.mount.xdr.MountEntry;
import dev.handoff.server.mount.xdr.MountProcedures;
import dev.handoff.server.mount.xdr.MountStatus;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Vfs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountProgramTest {
    private static final InetSocketAddress CLIENT = address("10.0.0.7", 40000);
    private static final InetSocketAddress STRANGER = address("192.0.2.9", 40000);
    private static final String EXPORTS = """
            /srv     10.0.0.0/8(rw,insecure,fsid=1)
            /secure  10.0.0.0/8(rw,fsid=2)
            /nofs    *(ro,insecure,fsid=3)
            /listed  host.example(ro) 10.0.0.0/8(rw)
            /pub     10.1.0.0/16(rw) *(ro)
            """;

    @TempDir
    Path dir;
    private final SignedHandles handles = new SignedHandles(HandleKey.of(new byte[32]));
    private final Map<Integer, Vfs> fileSystems = new HashMap<>();
    private final MountList mounts = MountList.inMemory();
    private Exports exports;
    private MountCalls calls;
    private FakeVfs srv;

    private static InetSocketAddress address(String literal, int port) {
        return new InetSocketAddress(InetAddress.ofLiteral(literal), port);
    }

    @BeforeEach
    void setUp() throws IOException {
        exports = new Exports(HostResolver.NONE, List.of());
        load(EXPORTS);
        srv = new FakeVfs(1, 16).with("a", FileKind.DIRECTORY).with("a/b", FileKind.DIRECTORY)
                .with("file", FileKind.REGULAR).with("link", FileKind.SYMLINK);
        fileSystems.put(1, srv);
        fileSystems.put(2, new FakeVfs(2, 16));
        fileSystems.put(4, new FakeVfs(4, 16));
        MountHandlers handlers = new MountHandlers(exports, fileSystems::get, handles, mounts);
        calls = new MountCalls(MountProgram.create(handlers));
    }

    private void load(String text) throws IOException {
        Path file = dir.resolve("exports");
        Files.writeString(file, text);
        assertThat(exports.reload(file).errors()).isEmpty();
    }

    @Test
    void mntAnswersTheSignedRootHandleWithAuthSysAndRecordsTheMount() {
        Mnt3Result result = calls.mnt3(CLIENT, "/srv");

        assertThat(result).isEqualTo(new Mnt3Result.Ok(handles.toHandle(srv.root()), List.of(AuthFlavor.AUTH_SYS)));
        assertThat(calls.dump(STRANGER).mounts()).containsExactly(new MountEntry("10.0.0.7", "/srv"));
    }

    @Test
    void mntOfASubdirectoryLooksItUpAsRootAndAnswersItsHandle() {
        Mnt3Result result = calls.mnt3(CLIENT, "/srv/a/b");

        assertThat(result).isEqualTo(new Mnt3Result.Ok(handles.toHandle(srv.inodeOf("a/b")), List.of(1)));
        assertThat(srv.lookupsBy).containsOnly(new Identity(0, 0, List.of())).hasSize(2);
        assertThat(calls.dump(CLIENT).mounts()).containsExactly(new MountEntry("10.0.0.7", "/srv/a/b"));
    }

    @Test
    void mntNormalizesTheDirpathAsTheExportsTableDoes() {
        assertThat(calls.mnt3(CLIENT, "//srv///a/")).isEqualTo(
                new Mnt3Result.Ok(handles.toHandle(srv.inodeOf("a")), List.of(1)));
        assertThat(calls.mnt3(CLIENT, "/srv/../etc").status()).isEqualTo(MountStatus.MNT3ERR_INVAL);
        assertThat(calls.mnt3(CLIENT, "srv").status()).isEqualTo(MountStatus.MNT3ERR_INVAL);
        assertThat(calls.dump(CLIENT).mounts()).containsExactly(new MountEntry("10.0.0.7", "/srv/a"));
    }

    @Test
    void mntRefusesAClientTheExportDoesNotAdmitBeforeLookingAnythingUp() {
        assertThat(calls.mnt3(STRANGER, "/srv/a").status()).isEqualTo(MountStatus.MNT3ERR_ACCES);
        assertThat(srv.lookupsBy).isEmpty();
        assertThat(calls.dump(CLIENT).mounts()).isEmpty();
    }

    @Test
    void mntOfAPathNoExportContainsIsNoent() {
        assertThat(calls.mnt3(CLIENT, "/etc").status()).isEqualTo(MountStatus.MNT3ERR_NOENT);
        assertThat(calls.mnt3(CLIENT, "/").status()).isEqualTo(MountStatus.MNT3ERR_NOENT);
        assertThat(calls.mnt3(CLIENT, "/srvx").status()).isEqualTo(MountStatus.MNT3ERR_NOENT);
    }

    @Test
    void aSecureExportAdmitsOnlyPrivilegedSourcePorts() {
        assertThat(calls.mnt3(CLIENT, "/secure").status()).isEqualTo(MountStatus.MNT3ERR_ACCES);
        assertThat(calls.mnt3(address("10.0.0.7", 800), "/secure")).isInstanceOf(Mnt3Result.Ok.class);
    }

    @Test
    void lookupFailuresBecomeTheirMountStatus() {
        assertThat(calls.mnt3(CLIENT, "/srv/missing").status()).isEqualTo(MountStatus.MNT3ERR_NOENT);
        assertThat(calls.mnt3(CLIENT, "/srv/file/x").status()).isEqualTo(MountStatus.MNT3ERR_NOTDIR);
        assertThat(calls.mnt3(CLIENT, "/srv/link").status()).as("links are not followed")
                .isEqualTo(MountStatus.MNT3ERR_NOTDIR);
        assertThat(calls.mnt3(CLIENT, "/srv/file")).as("mountd mounts regular files too")
                .isInstanceOf(Mnt3Result.Ok.class);
        assertThat(calls.mnt3(CLIENT, "/nofs").status()).as("an export whose directory is not available")
                .isEqualTo(MountStatus.MNT3ERR_NOENT);
    }

    @Test
    void aReloadedTableDecidesTheNextMount() throws IOException {
        assertThat(calls.mnt3(CLIENT, "/srv")).isInstanceOf(Mnt3Result.Ok.class);
        load("/srv 10.9.0.0/16(rw,insecure,fsid=1)\n");
        assertThat(calls.mnt3(CLIENT, "/srv").status()).isEqualTo(MountStatus.MNT3ERR_ACCES);
    }

    @Test
    void umntAndUmntallForgetOnlyTheCallersMounts() {
        calls.mnt3(CLIENT, "/srv");
        calls.mnt3(CLIENT, "/srv/a");
        InetSocketAddress other = address("10.0.0.8", 700);
        calls.mnt3(other, "/srv");

        calls.umnt(address("::ffff:10.0.0.7", 40001), "/srv/");
        assertThat(calls.dump(CLIENT).mounts()).containsExactly(new MountEntry("10.0.0.7", "/srv/a"),
                new MountEntry("10.0.0.8", "/srv"));

        calls.umntAll(CLIENT);
        assertThat(calls.dump(CLIENT).mounts()).containsExactly(new MountEntry("10.0.0.8", "/srv"));
    }

    @Test
    void exportListsEveryExportWithItsClientsAndEveryoneAsNoGroups() {
        for (int version : List.of(1, 3)) {
            assertThat(calls.export(version, STRANGER).exports()).containsExactly(
                    new ExportEntry("/srv", List.of("10.0.0.0/8")),
                    new ExportEntry("/secure", List.of("10.0.0.0/8")),
                    new ExportEntry("/nofs", List.of()),
                    new ExportEntry("/listed", List.of("host.example", "10.0.0.0/8")),
                    new ExportEntry("/pub", List.of()));
        }
    }

    @Test
    void anAddressNoExportListsGetsEmptyExportAndDumpLists() throws IOException {
        load("/srv 10.0.0.0/8(rw,fsid=1)\n");
        calls.mnt3(address("10.0.0.7", 700), "/srv");

        for (int version : List.of(1, 3)) {
            assertThat(calls.export(version, STRANGER).exports()).isEmpty();
        }
        assertThat(calls.dump(STRANGER).mounts()).isEmpty();
        assertThat(calls.export(3, CLIENT).exports()).as("listed, even from an unprivileged port").hasSize(1);
        assertThat(calls.dump(CLIENT).mounts()).containsExactly(new MountEntry("10.0.0.7", "/srv"));
    }

    @Test
    void version1AnswersAPaddedHandleWhenItFitsAndAccesWhenItDoesNot() {
        assertThat(calls.mnt1(CLIENT, "/srv")).as("22 + 16 bytes do not fit in 32")
                .isEqualTo(new Mnt1Result.Fail(MountStatus.MNT3ERR_ACCES));
        assertThat(calls.dump(CLIENT).mounts()).isEmpty();

        fileSystems.put(1, new FakeVfs(1, 8));
        Mnt1Result small = calls.mnt1(CLIENT, "/srv");
        byte[] handle = handles.toHandle(fileSystems.get(1).root()).bytes().toByteArray();
        assertThat(small).isInstanceOf(Mnt1Result.Ok.class);
        byte[] v1 = ((Mnt1Result.Ok) small).handle().toByteArray();
        assertThat(v1).hasSize(32).startsWith(handle);
        assertThat(v1.length - handle.length).isEqualTo(2);
        assertThat(calls.mnt1(STRANGER, "/srv")).isEqualTo(new Mnt1Result.Fail(MountStatus.MNT3ERR_ACCES));
    }

    @Test
    void version2IsAMismatchNamingVersions1And3() {
        XdrDecoder in = new XdrDecoder(calls.raw(CLIENT, 2, MountProcedures.MOUNTPROC_NULL, XdrWriter.nothing(), null));
        assertThat(RpcMessageCodec.decodeReply(in).status()).isEqualTo(new RpcReply.ProgMismatch(1, 3));
    }

    @Test
    void aDirpathLongerThanMntpathlenIsGarbage() {
        XdrWriter<Void> tooLong = (XdrEncoder out, Void v) -> out.writeString("/" + "x".repeat(1024));
        XdrDecoder in = new XdrDecoder(calls.raw(CLIENT, 3, MountProcedures.MOUNTPROC_MNT, tooLong, null));
        assertThat(RpcMessageCodec.decodeReply(in).status()).isInstanceOf(RpcReply.GarbageArgs.class);
    }
}
