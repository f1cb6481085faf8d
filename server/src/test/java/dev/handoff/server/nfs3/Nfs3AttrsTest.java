package dev.handoff.server.nfs3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.NfsTime3;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.nfs3.xdr.SetTime3;
import dev.handoff.server.nfs3.xdr.SpecData3;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.TimeChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Nfs3AttrsTest {
    private static final Instant T = Instant.ofEpochSecond(1_700_000_000L, 42);

    @Test
    void fattrCarriesEveryFieldAndDeviceNumbersOnlyForDevices() {
        Attributes tty = new Attributes(FileKind.CHAR_DEVICE, 0100620, 1, 0, 5, 0, 0, 136, 3, 7, 99, T, T, T);
        Attributes file = new Attributes(FileKind.REGULAR, 0644, 3L << 32, 1000, 1000, 10, 4096, 8, 1, 7, 100,
                T, T, T);

        Fattr3 device = Nfs3Attrs.fattr(tty);
        Fattr3 regular = Nfs3Attrs.fattr(file);

        assertThat(device.type()).isEqualTo(FileType3.NF3CHR);
        assertThat(device.mode()).isEqualTo(0620);
        assertThat(device.rdev()).isEqualTo(new SpecData3(136, 3));
        assertThat(device.mtime()).isEqualTo(new NfsTime3(1_700_000_000L, 42));
        assertThat(regular.rdev()).isEqualTo(SpecData3.NONE);
        assertThat(Integer.toUnsignedLong(regular.nlink())).isEqualTo(0xFFFF_FFFFL);
        assertThat(regular.fsid()).isEqualTo(7);
        assertThat(regular.fileid()).isEqualTo(100);
    }

    @Test
    void everyFileKindHasItsType() {
        for (FileKind kind : FileKind.values()) {
            assertThat(Nfs3Attrs.type(kind).name()).isNotNull();
        }
        assertThat(Nfs3Attrs.type(FileKind.SOCKET)).isEqualTo(FileType3.NF3SOCK);
    }

    @Test
    void sattrBecomesAChangeWithModeMaskedAndHugeSizesClamped() throws Nfs3Failure {
        Sattr3 s = new Sattr3(0177777, 5, 6, -1L, SetTime3.ServerTime.INSTANCE,
                new SetTime3.ClientTime(new NfsTime3(1_700_000_000L, 42)));

        SetAttributes change = Nfs3Attrs.setAttributes(s);

        assertThat(change).isEqualTo(new SetAttributes(07777, 5, 6, Long.MAX_VALUE, TimeChange.NOW,
                new TimeChange.To(T)));
        assertThat(Nfs3Attrs.setAttributes(Sattr3.NONE).isEmpty()).isTrue();
    }

    @Test
    void aClientTimeWithABillionNanosecondsIsInval() {
        Sattr3 s = Sattr3.NONE.withTimes(SetTime3.DontChange.INSTANCE,
                new SetTime3.ClientTime(new NfsTime3(1, 1_000_000_000L)));

        assertThatThrownBy(() -> Nfs3Attrs.setAttributes(s)).isInstanceOfSatisfying(Nfs3Failure.class,
                f -> assertThat(f.status()).isEqualTo(Nfs3Status.NFS3ERR_INVAL));
    }
}
