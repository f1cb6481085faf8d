package dev.handoff.it.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The first thing a new user does: {@code ./handoff serve --bind 127.0.0.1} in a fresh network namespace, then
 * Debian's rpcinfo lists and pings every program over TCP and UDP, then Ctrl-C stops it cleanly.
 */
class ServeRpcinfoIT {

    @Test
    void rpcinfoSeesEveryProgramOnTcpAndUdpAndCtrlCStopsTheServer() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        Path dir = Files.createTempDirectory("handoff-serve-it");
        try (NetworkNamespace ns = NetworkNamespace.create("handoff-it");
             HandoffProcess server = HandoffProcess.start(ns, dir.resolve("server.log"),
                     "--bind", "127.0.0.1", "--state-dir", dir.resolve("state").toString())) {
            server.awaitReady(Duration.ofSeconds(120), () -> ns.exec("rpcinfo", "-t", "127.0.0.1", "nfs", "3"));

            String table = ns.exec("rpcinfo", "-p", "127.0.0.1");
            for (String proto : new String[] {"tcp", "udp"}) {
                assertThat(table).as(table)
                        .containsPattern("100000\\s+4\\s+" + proto + "\\s+111\\s")
                        .containsPattern("100000\\s+3\\s+" + proto + "\\s+111\\s")
                        .containsPattern("100000\\s+2\\s+" + proto + "\\s+111\\s")
                        .containsPattern("100003\\s+3\\s+" + proto + "\\s+2049\\s")
                        .containsPattern("100005\\s+1\\s+" + proto + "\\s+20048\\s")
                        .containsPattern("100005\\s+3\\s+" + proto + "\\s+20048\\s")
                        .containsPattern("100021\\s+1\\s+" + proto + "\\s+4045\\s")
                        .containsPattern("100021\\s+3\\s+" + proto + "\\s+4045\\s")
                        .containsPattern("100021\\s+4\\s+" + proto + "\\s+4045\\s")
                        .containsPattern("100024\\s+1\\s+" + proto + "\\s+662\\s");
            }
            assertThat(ns.exec("rpcinfo", "-t", "127.0.0.1", "nfs", "3"))
                    .contains("program 100003 version 3 ready and waiting");
            assertThat(ns.exec("rpcinfo", "-u", "127.0.0.1", "mountd", "3"))
                    .contains("program 100005 version 3 ready and waiting");
            assertThat(ns.exec("rpcinfo", "-u", "127.0.0.1", "nlockmgr", "4"))
                    .contains("program 100021 version 4 ready and waiting");
            assertThat(ns.exec("rpcinfo", "-t", "127.0.0.1", "status", "1"))
                    .contains("program 100024 version 1 ready and waiting");
            // rpcbind v3/v4 GETADDR and DUMP, as rpcinfo without -p uses them
            assertThat(ns.exec("rpcinfo", "127.0.0.1")).contains("nfs").contains("mountd");

            assertThat(server.interrupt(Duration.ofSeconds(15))).as("exit code after Ctrl-C").isZero();
            assertThat(server.log()).contains("stopped");
        }
    }
}
