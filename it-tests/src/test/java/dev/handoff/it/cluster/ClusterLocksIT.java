package dev.handoff.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.kernel.Event;
import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.nfs3.KernelExports;
import dev.handoff.it.serve.HandoffBuild;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An NLM write lock taken through the VIP of a three-node cluster follows the VIP, because the lock table is
 * shared (design brief §1, §5): guest A (failover-holder) holds it while the host moves the VIP to another node
 * and then kills that node's server; guest B (failover-contender) is denied after each step; when A releases the
 * lock through the node that took over, B's blocked F_SETLKW is granted by that node's NLM_GRANTED callback,
 * within {@value #LOCK_GRANT_MAX_S} s of the release rather than after the client's 30 s re-poll.
 */
class ClusterLocksIT {
    private static final Logger log = LoggerFactory.getLogger(ClusterLocksIT.class);
    /** The holder keeps its lock this long after the contender blocks (guest test failover-holder). */
    private static final double HOLD_S = 2.0;
    private static final int LOCK_GRANT_MAX_S = 5;

    private KernelExports exports;

    @BeforeEach
    void prepare() throws Exception {
        KernelClient.assumeAvailable();
        HandoffBuild.ensureBuilt();
        exports = KernelExports.create(ClusterFailoverIT.exportsParent(), 0);
    }

    @AfterEach
    void removeExports() {
        if (exports != null) {
            exports.close();
        }
    }

    @Test
    void writeLockSurvivesAMoveAndAKillAndTheWaiterIsGrantedByCallback() throws Exception {
        KernelClientResult r = HandoffCluster.run("locks", exports)
                .hostScript(HandoffCluster.hostScript("cluster-locks.sh"))
                .guest("failover-holder").guest("failover-contender")
                .guestEnv("LOCK_GRANT_MAX_S", Integer.toString(LOCK_GRANT_MAX_S))
                .timeout(Duration.ofSeconds(300)).serverStartTimeout(Duration.ofSeconds(90))
                .build().run();

        assertThat(r.passed()).as(() -> HandoffCluster.report(r)).isTrue();
        Event move = r.event("lock_move").orElseThrow();
        Event kill = r.event("lock_kill").orElseThrow();
        assertThat(move.number("rc")).hasValue(0);
        assertThat(kill.value("to")).hasValueSatisfying(to -> assertThat(to).isNotEqualTo("none"));
        double wait = r.guest(1).metric("failover_setlkw_wait_s").orElseThrow();
        log.info("locks across failover: {}; {}; F_SETLK denied {} s after the move, {} s after the kill; F_SETLKW "
                        + "waited {} s (hold {} s); run {} s", move, kill,
                r.guest(1).metric("failover_denied_after_move_s").orElse(-1),
                r.guest(1).metric("failover_denied_after_kill_s").orElse(-1), wait, HOLD_S,
                r.timing("total_s").orElse(-1));
        assertThat(wait).as(() -> HandoffCluster.report(r)).isLessThan(HOLD_S + LOCK_GRANT_MAX_S);
    }
}
