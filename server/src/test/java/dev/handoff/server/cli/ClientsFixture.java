package dev.handoff.server.cli;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.admin.AdminHttpServer;
import dev.handoff.server.admin.ClientSources;
import dev.handoff.server.admin.ExportsAdmin;
import dev.handoff.server.admin.LockTable;
import dev.handoff.server.admin.StandaloneControl;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.mount.MountList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** A real admin API on loopback over a real mount list and lock manager, and a runner for the CLI verbs. */
final class ClientsFixture implements AutoCloseable {
    static final FileKey FILE = FileKey.ofHex("0000000101");
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final MountList mounts = MountList.inMemory();
    private final InMemoryLockStore store = new InMemoryLockStore();
    private final LockManager manager = new LockManager(store, LockConfig.DEFAULT);
    private final AdminHttpServer server;

    ClientsFixture(Map<String, InetAddress> holders) throws IOException {
        server = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of()),
                StandaloneControl.ofLocalHost(),
                new ClientSources(mounts::entries, List::of, LockTable.of(store), () -> holders));
    }

    void lock(String client, int svid, long offset, long length, boolean exclusive) {
        manager.on(new LockInput.Lock(FILE, new RangeLock(new LockOwner(client, svid, Opaque.EMPTY),
                LockType.of(exclusive), LockRange.of(offset, length)), false, false, Opaque.EMPTY, Opaque.EMPTY,
                Instant.parse("2025-06-01T10:00:00Z")));
    }

    /** Runs {@code command} with {@code args} and {@code --admin} pointing here; the exit code. */
    int run(Object command, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--admin";
        all[args.length + 1] = "127.0.0.1:" + server.address().getPort();
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all);
    }

    @Override
    public void close() {
        server.close();
    }
}
