package dev.handoff.server.nfs3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.exports.ExportsParser;
import dev.handoff.server.exports.ExportsSource;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.exports.ParseResult;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.VfsRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The NFSv3 table over {@link FakeVfs} file systems, with an exports table that has a rule for each case the
 * prologue tells apart, and callers to match. Handlers are called through the table's rows, as the
 * dispatcher calls them, minus the XDR.
 */
final class Nfs3Fixture {
    static final int RW = 7;
    static final int RO = 8;
    static final int NO_VFS = 9;
    static final int OTHER = 10;
    /**
     * 10.1/16 may write, from any port, with root squashed; 10.2/16 only from privileged ports; 10.3/16 keeps
     * root; 10.4/16 writes asynchronously; everyone else is refused. Export 9 has no file system.
     */
    static final String EXPORTS = """
            /srv/rw -fsid=7 10.1.0.0/16(rw,insecure) 10.2.0.0/16(rw) 10.3.0.0/16(rw,insecure,no_root_squash) \
            10.4.0.0/16(rw,insecure,async)
            /srv/ro -fsid=8 *(ro,insecure)
            /srv/gone -fsid=9 *(rw,insecure)
            /srv/other -fsid=10 10.1.0.0/16(rw,insecure)
            """;
    static final Credential.Sys ALICE = user(1000, 1000);
    static final Credential.Sys BOB = user(2000, 2000);
    static final Credential.Sys ROOT = user(0, 0);
    static final Verifier3 WRITE_VERIFIER = new Verifier3(0x5EED_0000_CAFE_F00DL);

    final FakeVfs vfs = new FakeVfs(RW);
    final FakeVfs ro = new FakeVfs(RO);
    final FakeVfs other = new FakeVfs(OTHER);
    final SignedHandles handles = new SignedHandles(HandleKey.of(new byte[32]));
    final Nfs3Context context;
    final RpcProgram program;
    private int xid = 1;

    Nfs3Fixture() {
        this(FileRemovalListener.NONE);
    }

    Nfs3Fixture(FileRemovalListener removals) {
        ParseResult parsed = ExportsParser.parse(new ExportsSource("exports", EXPORTS), HostResolver.NONE);
        assertThat(parsed.errors()).isEmpty();
        ExportTable table = ((ParseResult.Parsed) parsed).table();
        context = new Nfs3Context(() -> table, VfsRegistry.of(List.of(vfs, ro, other)), handles, WRITE_VERIFIER, removals);
        program = Nfs3Program.create(context);
    }

    static Credential.Sys user(int uid, int gid, Integer... gids) {
        return new Credential.Sys(0, "client", uid, gid, List.of(gids));
    }

    static Peer peer(String address, int port) {
        return new Peer(Transport.TCP, new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 2049),
                new InetSocketAddress(InetAddress.ofLiteral(address), port));
    }

    CallContext as(Credential credential, String address, int port) {
        return new CallContext(new CallHeader(xid++, 2, Nfs3Program.PROGRAM, Nfs3Program.VERSION, 0, credential,
                0, Opaque.EMPTY), peer(address, port));
    }

    /** A call from Alice on 10.1.0.5, unprivileged port: may write, root squashed. */
    <R> R call(int procedure, Object args) throws Exception {
        return call(as(ALICE, "10.1.0.5", 40_000), procedure, args);
    }

    @SuppressWarnings("unchecked")
    <R> R call(CallContext context, int procedure, Object args) throws Exception {
        Procedure<Object, R> row = (Procedure<Object, R>) program.version(Nfs3Program.VERSION).procedure(procedure);
        return row.handler().handle(context, args);
    }

    FileHandle3 handle(Inode inode) {
        return handles.toHandle(inode);
    }

    FileHandle3 root() {
        return handle(vfs.root());
    }

    /** The same handle with one bit changed: its signature no longer verifies. */
    static FileHandle3 flipped(FileHandle3 handle, int index) {
        byte[] b = handle.bytes().toByteArray();
        b[index] ^= 0x01;
        return new FileHandle3(Opaque.copyOf(b));
    }
}
