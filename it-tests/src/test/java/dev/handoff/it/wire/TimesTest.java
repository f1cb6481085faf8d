package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.emc.ecs.nfsclient.nfs.NfsTime;
import com.emc.ecs.nfsclient.rpc.Xdr;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void aDecodedTimeKeepsItsNanoseconds() {
        // What the library does with an fattr3 time: a setting time whose fields unmarshalling overwrites.
        Xdr wire = new Xdr(8);
        wire.putInt(1_700_000_000);
        wire.putInt(123_456_789);
        wire.setOffset(0);
        NfsTime decoded = new NfsTime();
        decoded.unmarshalling(wire);

        assertThat(Times.instant(decoded)).isEqualTo(Instant.ofEpochSecond(1_700_000_000, 123_456_789));
    }

    @Test
    void aBareGuardTimeEncodesExactlyTheInstant() {
        NfsTime guard = Times.bare(Instant.ofEpochSecond(1_700_000_000, 987_654_321));

        assertThat(guard.isBareTime()).isTrue();
        Xdr x = new Xdr(8);
        guard.marshalling(x);
        assertThat(x.getOffset()).isEqualTo(8);
        x.setOffset(0);
        assertThat(x.getInt()).isEqualTo(1_700_000_000);
        assertThat(x.getInt()).isEqualTo(987_654_321);
    }

    @Test
    void aClientSettingTimeIsReadToTheMillisecond() {
        assertThat(Times.instant(new NfsTime(1_000_000_000_123L))).isEqualTo(Instant.ofEpochMilli(1_000_000_000_123L));
    }
}
