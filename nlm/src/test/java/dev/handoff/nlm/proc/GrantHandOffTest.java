package dev.handoff.nlm.proc;

import static dev.handoff.nlm.proc.ProcFixture.CLIENT_A;
import static dev.handoff.nlm.proc.ProcFixture.CLIENT_B;
import static dev.handoff.nlm.proc.ProcFixture.VIP;
import static dev.handoff.nlm.proc.ProcFixture.call;
import static dev.handoff.nlm.proc.ProcFixture.lock;
import static dev.handoff.nlm.proc.ProcFixture.lockArgs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.callback.GrantHandOff;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.xdr.Opaque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A GRANTED that must leave from an address another node holds (a VIP that moved) is handed to that node, not
 * released: the client still waits for it, and would get the lock only when it resends its LOCK.
 */
class GrantHandOffTest {
    private static final FileKey FILE = FileKey.ofHex("01");
    private final ProcFixture f = new ProcFixture();
    private final List<String> handed = new CopyOnWriteArrayList<>();
    /** Stands for a cluster in which this node no longer holds the VIP. */
    private final GrantHandOff elsewhere = (from, file, cookie) -> handed.add(from.getHostAddress() + " " + file
            + " " + cookie.toHex());

    private NlmStatus lockA() {
        return f.v4.lock(call(CLIENT_A), lockArgs(lock("a", 1, 0, 0), false, false)).status();
    }

    private void bWaitsThenAUnlocks() {
        assertThat(lockA()).isEqualTo(NlmStatus.GRANTED);
        assertThat(f.v4.lock(call(CLIENT_B), lockArgs(lock("b", 2, 0, 10), true, false)).status())
                .isEqualTo(NlmStatus.BLOCKED);
        f.v4.unlock(call(CLIENT_A), new UnlockArgs(Opaque.ofHex("c1"), lock("a", 1, 0, 0)));
    }

    @Test
    void aGrantFromAnAddressHeldElsewhereIsHandedOffAndStaysPendingUntilTheHolderSendsIt() {
        f.service.handOffGrants(elsewhere);
        bWaitsThenAUnlocks();

        assertThat(f.callbacks.grants).as("nothing sent from here").isEmpty();
        assertThat(handed).singleElement().asString().startsWith(VIP.getHostAddress() + " 01 ");
        assertThat(lockA()).as("b's grant holds the lock").isEqualTo(NlmStatus.DENIED);

        // The VIP's holder: the same table, this node's callbacks standing for its own.
        f.service.handOffGrants(GrantHandOff.NONE);
        Opaque cookie = Opaque.ofHex(handed.getFirst().split(" ")[2]);
        assertThat(f.service.sendPendingGrant(FILE, cookie)).isTrue();
        var g = f.callbacks.grants.getFirst();
        assertThat(g.to().local()).isEqualTo(VIP);
        assertThat(g.args().cookie()).isEqualTo(cookie);
        g.outcome().answered(new NlmResult(cookie, NlmStatus.GRANTED));

        assertThat(f.service.grantsInFlight()).isZero();
        assertThat(f.service.sendPendingGrant(FILE, cookie)).as("accepted: no longer pending").isFalse();
        assertThat(lockA()).isEqualTo(NlmStatus.DENIED);
    }

    @Test
    void aGrantThatCouldNotBeSentBecauseItsAddressMovedIsHandedOffNotReleased() {
        bWaitsThenAUnlocks();
        var g = f.callbacks.grants.getFirst();

        f.service.handOffGrants(elsewhere);   // the VIP left while the callback was out
        g.outcome().unreachable("cannot bind UDP /10.0.3.100:0");

        assertThat(handed).singleElement().asString().endsWith(" " + g.args().cookie().toHex());
        assertThat(lockA()).as("b's grant still holds the lock").isEqualTo(NlmStatus.DENIED);
        assertThat(f.service.sendPendingGrant(FILE, g.args().cookie())).isTrue();
    }

    @Test
    void anUnreachableClientsGrantIsStillReleasedWhereTheAddressIsHeld() {
        f.service.handOffGrants((from, file, cookie) -> false);
        bWaitsThenAUnlocks();

        f.callbacks.grants.getFirst().outcome().unreachable("no lockd");

        assertThat(lockA()).isEqualTo(NlmStatus.GRANTED);
    }
}
