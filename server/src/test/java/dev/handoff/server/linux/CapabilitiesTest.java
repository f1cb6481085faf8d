package dev.handoff.server.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void capgetAgreesWithTheKernelsStatusFile() throws Exception {
        String capEff = Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                .filter(line -> line.startsWith("CapEff:"))
                .map(line -> line.substring("CapEff:".length()).strip())
                .findFirst()
                .orElseThrow();

        assertThat(Capabilities.current().effective()).isEqualTo(Long.parseUnsignedLong(capEff, 16));
    }

    @Test
    void rootHoldsWhatTheServerNeeds() throws Exception {
        TestFiles.assumeRoot();
        Capabilities caps = Capabilities.current();

        assertThat(caps.hasDacReadSearch()).isTrue();
        assertThat(caps.hasSetuid()).isTrue();
        assertThat(caps.hasSetgid()).isTrue();
        assertThat(caps.hasNetAdmin()).isTrue();
        assertThat(caps.hasNetRaw()).isTrue();
        assertThat(caps.hasNetBindService()).isTrue();
        assertThat(caps.missing(EnumSet.allOf(Capability.class))).isEmpty();
    }

    @Test
    void aThreadSwitchedToAnotherFsuidLosesOnlyTheFileSystemCapabilities() throws Exception {
        TestFiles.assumeRoot();
        Capabilities switched;
        try (ThreadIdentity _ = ThreadIdentity.switchTo(1000, 1000, new int[0])) {
            switched = Capabilities.current();
        }

        assertThat(switched.missing(EnumSet.allOf(Capability.class))).containsExactlyInAnyOrder(
                Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.DAC_READ_SEARCH, Capability.FOWNER,
                Capability.FSETID, Capability.MKNOD);
        assertThat(switched.hasSetuid()).isTrue();
        assertThat(switched.hasNetAdmin()).isTrue();
        assertThat(Capabilities.current().hasDacReadSearch()).isTrue();
    }

    @Test
    void decodesAMaskBitByBit() {
        Capabilities caps = new Capabilities(1L << 2 | 1L << 12);

        assertThat(caps.hasDacReadSearch()).isTrue();
        assertThat(caps.hasNetAdmin()).isTrue();
        assertThat(caps.hasNetRaw()).isFalse();
        assertThat(caps.missing(EnumSet.of(Capability.DAC_READ_SEARCH, Capability.SETUID)))
                .containsExactly(Capability.SETUID);
        assertThat(caps).hasToString("Capabilities[1004 [DAC_READ_SEARCH, NET_ADMIN]]");
    }
}
