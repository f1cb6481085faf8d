package dev.handoff.cluster.membership;

import dev.handoff.cluster.vip.NodeId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A member in a process of its own, for the test that freezes it (SIGSTOP): a hung node keeps its sockets open,
 * so the others can only find it dead by the missing heartbeats. Arguments: cluster name, node name, own port,
 * expected size, then every member's port.
 */
public final class PeerProcessMain {
    private PeerProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> members = Arrays.stream(args, 4, args.length).map(p -> "127.0.0.1:" + p).toList();
        ClusterConfig cc = ClusterConfig.of(new NodeId(args[1]), "127.0.0.1", Integer.parseInt(args[2]),
                new Discovery.TcpIp(members), Integer.parseInt(args[3]))
                .withClusterName(args[0]).withJoinWait(Duration.ofSeconds(1));
        ClusterNode.start(cc, input -> { });
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
