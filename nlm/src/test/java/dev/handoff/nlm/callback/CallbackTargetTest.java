package dev.handoff.nlm.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.nlm.state.Waiter;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CallbackTargetTest {
    private static final Opaque FH = Opaque.copyOf(new byte[64]);

    @Test
    void roundTripsThroughTheLockManagersReplyToBytes() throws Exception {
        CallbackTarget t = new CallbackTarget(InetAddress.getByName("10.0.3.10"), InetAddress.getByName("10.0.3.100"),
                4, Transport.TCP, FH);

        Opaque bytes = t.encode();

        assertThat(CallbackTarget.decode(bytes)).isEqualTo(t);
        assertThat(bytes.length()).isLessThanOrEqualTo(Waiter.MAX_REPLY_TO_LENGTH);
    }

    @Test
    void roundTripsIpv6AndAnUnknownLocalAddress() throws Exception {
        CallbackTarget t = new CallbackTarget(InetAddress.getByName("fd00::10"), null, 1, Transport.UDP, Opaque.EMPTY);

        assertThat(CallbackTarget.decode(t.encode())).isEqualTo(t);
    }

    @Test
    void aWildcardLocalAddressMeansLetTheKernelChoose() throws Exception {
        CallbackTarget t = new CallbackTarget(InetAddress.getByName("10.0.3.10"), InetAddress.getByName("0.0.0.0"), 4,
                Transport.UDP, FH);

        assertThat(t.local()).isNull();
    }

    @Test
    void rejectsBytesItDidNotWrite() {
        assertThatThrownBy(() -> CallbackTarget.decode(Opaque.ofHex("0400")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackTarget.decode(Opaque.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }
}
