package dev.handoff.server.vfs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.Statx;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExclusiveVerifierTest {
    @Test
    void theFirstHalfGoesToMtimeAndTheSecondToAtimeWithoutTheirTopBits() {
        ExclusiveVerifier v = ExclusiveVerifier.of(0x8000_0001_FFFF_FFFEL);

        assertThat(v.mtimeSeconds()).isEqualTo(1);
        assertThat(v.atimeSeconds()).isEqualTo(0x7FFF_FFFEL);
        assertThat(v.mtime()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(v.atime()).isEqualTo(Instant.ofEpochSecond(0x7FFF_FFFEL));
    }

    @Test
    void anEmptyRegularFileWithBothTimesMatches() {
        ExclusiveVerifier v = ExclusiveVerifier.of(0x1234_5678_0000_0042L);

        assertThat(v.matches(stat(FileType.REGULAR, 0, v.atime(), v.mtime()))).isTrue();
    }

    @Test
    void anythingElseDoesNotMatch() {
        ExclusiveVerifier v = ExclusiveVerifier.of(0x1234_5678_0000_0042L);

        assertThat(v.matches(stat(FileType.REGULAR, 1, v.atime(), v.mtime()))).as("written to").isFalse();
        assertThat(v.matches(stat(FileType.DIRECTORY, 0, v.atime(), v.mtime()))).as("directory").isFalse();
        assertThat(v.matches(stat(FileType.REGULAR, 0, v.atime().plusSeconds(1), v.mtime()))).isFalse();
        assertThat(v.matches(stat(FileType.REGULAR, 0, v.atime(), v.mtime().minusSeconds(1)))).isFalse();
        assertThat(v.matches(stat(FileType.REGULAR, 0, v.mtime(), v.atime()))).as("halves swapped").isFalse();
    }

    private static Statx stat(FileType type, long size, Instant atime, Instant mtime) {
        return new Statx(Statx.STATX_BASIC_STATS, type, 0644, 1, 0, 0, size, 0, 4096, 0, 0, 0, 0, 7, atime, mtime,
                mtime, 0);
    }
}
