package dev.handoff.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.nlm.NlmProgram;
import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.callback.NlmCallbacks;
import dev.handoff.nlm.proc.ClientMonitor;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.nsm.NsmConfig;
import dev.handoff.nsm.NsmProgram;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.store.NsmStore;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.fuzz.FuzzChecks;
import dev.handoff.rpc.fuzz.FuzzLeaks;
import dev.handoff.rpc.fuzz.FuzzRun;
import dev.handoff.rpc.fuzz.Replies;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.mount.MountHandlers;
import dev.handoff.server.mount.MountList;
import dev.handoff.server.mount.MountProgram;
import dev.handoff.server.nfs3.Nfs3Context;
import dev.handoff.server.nfs3.Nfs3Program;
import dev.handoff.server.nfs3.xdr.IoCodec;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzed records through the server's dispatcher with its programs wired as {@code handoff serve} wires them
 * (NFSv3 and MOUNT over the local file system of a real export in a temporary directory, NLM, NSM, rpcbind,
 * the reply cache), handlers included: a decoder that lets a bad value through can still break a handler. The
 * parts that would reach beyond this process are left out: NSM notices and NLM callbacks go nowhere. Every
 * record must be answered with a well-formed reply to its xid or dropped for a reason the dispatcher defines.
 * Input: one record (what a client sends inside record marking); {@link RootHandleSwap} gives half of the NFS
 * calls a handle the server accepts.
 */
@Tag("long-form")
class ServerFuzzTest {
    static {
        FuzzLeaks.install();
        FuzzChecks.quietLogs();
    }

    /**
     * Replies whose size follows the server's state rather than the request: READ's, up to rtmax bytes read
     * (into a direct buffer, which is not counted) and copied once into the reply (READDIR(PLUS) replies are
     * bounded by a count below it), and rpcbind's GETSTAT.
     */
    private static final long LARGEST_REPLY = IoCodec.MAX_READ_DATA + 64 * 1024 + FuzzChecks.RPCBIND_GETSTAT_REPLY;

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("server");
    /** A client on a privileged port of a private address: calls reach every handler, no traffic leaves. */
    private static final Peer PEER = new Peer(Transport.TCP,
            new InetSocketAddress(InetAddress.ofLiteral("10.0.0.1"), 2049),
            new InetSocketAddress(InetAddress.ofLiteral("10.0.0.2"), 700));
    /** Set by {@link #dispatcher()}: the export's directory, which MOUNT takes as its path. */
    private static String exportPath;
    private static final Dispatcher DISPATCHER = dispatcher();
    private static final RootHandleSwap HANDLES = RootHandleSwap.mount(DISPATCHER, PEER, exportPath);

    @FuzzTest
    void everyRecordIsAnsweredOrDroppedForADefinedReason(byte[] fuzzed) {
        RUN.count();
        byte[] input = HANDLES.apply(fuzzed);
        FuzzChecks.withinAllocationBound(input.length, LARGEST_REPLY, () -> {
            ByteBuf record = FuzzChecks.record(input);
            ByteBuf reply = DISPATCHER.process(record, PEER, FuzzChecks.ALLOC);
            FuzzChecks.release(record);
            Replies.check(input, reply);
        });
        FuzzLeaks.assertNone();
    }

    private static Dispatcher dispatcher() {
        try {
            Path root = Files.createTempDirectory("handoff-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Path export = Files.createDirectories(root.resolve("export"));
            exportPath = export.toString();
            Files.createDirectories(export.resolve("dir/sub"));
            Files.writeString(export.resolve("file"), "0123456789".repeat(100));
            Files.createSymbolicLink(export.resolve("link"), Path.of("file"));
            Path exportsFile = Files.writeString(root.resolve("exports"),
                    export + " -fsid=1 *(rw,insecure,no_root_squash)\n");
            Exports exports = new Exports(HostResolver.NONE, List.of());
            if (!exports.reload(exportsFile).errors().isEmpty()) {
                throw new IllegalStateException("exports of the fuzz target do not parse");
            }
            SignedHandles handles = new SignedHandles(HandleKey.of(new byte[32]));
            ExportFileSystemCache fileSystems = new ExportFileSystemCache(exports::table);
            NsmService nsm = NsmService.start(NsmConfig.defaults(ServerName.host("server")), NsmStore.inMemory(),
                    (targets, state, outcome) -> { }, InstantSource.system());
            NlmCallbacks noCallbacks = new NlmCallbacks() {
                @Override
                public void granted(CallbackTarget to, TestArgs args, GrantOutcome outcome) {
                }

                @Override
                public <T> void result(CallbackTarget to, int procedure, XdrWriter<T> writer, T value) {
                }
            };
            NlmService nlm = new NlmService(new LockManager(new InMemoryLockStore(), LockConfig.DEFAULT),
                    noCallbacks, ClientMonitor.NONE, InstantSource.system(), "server");
            List<RpcProgram> programs = List.of(
                    RpcbindProgram.create(new RpcbindRegistry(), InstantSource.system()),
                    MountProgram.create(new MountHandlers(exports, fileSystems, handles, MountList.inMemory())),
                    NsmProgram.create(nsm),
                    NlmProgram.create(nlm, new ExportLockFiles(exports::table, handles), noCallbacks),
                    Nfs3Program.create(new Nfs3Context(exports::table, fileSystems, handles,
                            Nfs3Context.randomWriteVerifier(), inode -> nlm.fileRemoved(ExportLockFiles.key(inode)))));
            return new Dispatcher(programs, new LocalReplyCache(InstantSource.system()), CallObserver.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is all that is lost
        }
    }
}
