package dev.handoff.it.nfs3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NfsLsEntryTest {

    @Test
    void parsesARegularFileLineAsNfsLsPrintsIt() {
        assertThat(NfsLsEntry.parse("-rw-rw----  1 65534 65534    268435456 big.bin"))
                .hasValue(new NfsLsEntry('-', 0660, 1, 65534, 65534, 268435456L, "big.bin"));
    }

    @Test
    void parsesDirectoriesAndNamesWithBlanks() {
        NfsLsEntry e = NfsLsEntry.parse("drwxr-xr-x  2     0     0         4096 a dir").orElseThrow();
        assertThat(e.type()).isEqualTo('d');
        assertThat(e.octalMode()).isEqualTo("755");
        assertThat(e.name()).isEqualTo("a dir");
    }

    @Test
    void aFifoHasNoTypeLetter() {
        assertThat(NfsLsEntry.parse("rw-r--r--  1     0     0            0 fifo"))
                .hasValueSatisfying(e -> {
                    assertThat(e.type()).isEqualTo('?');
                    assertThat(e.mode()).isEqualTo(0644);
                });
    }

    @Test
    void negativeIdsAreTheUnsignedIdsNfsLsPrintedWithPercentD() {
        assertThat(NfsLsEntry.parse("-rw-r--r--  1    -2    -2            5 f").orElseThrow().uid())
                .isEqualTo(4294967294L);
    }

    @Test
    void errorsAndSummaryLinesAreNotEntries() {
        assertThat(NfsLsEntry.parse("Failed to mount nfs share : mount/mnt call failed with \"RPC error\"")).isEmpty();
        assertThat(NfsLsEntry.parse("   123456 of    999999 bytes free.")).isEmpty();
        assertThat(NfsLsEntry.parse("")).isEmpty();
    }
}
