package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelClientAvailabilityTest {
    @TempDir
    Path tmp;
    private Path bin;
    private Path kit;
    private Path cache;
    private Path tun;

    @BeforeEach
    void machineWithEverything() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        for (String c : KernelClientAvailability.COMMANDS) {
            executable(bin.resolve(c));
        }
        kit = Files.createDirectories(tmp.resolve("kit"));
        executable(kit.resolve("run.sh"));
        cache = tmp.resolve("cache");
        Files.createDirectories(cache.resolve("kernel/current"));
        Files.writeString(cache.resolve("kernel/current/load-order"), "virtio\n");
        Files.createDirectories(cache.resolve("initrd"));
        Files.writeString(cache.resolve("initrd/base.cpio.gz"), "x");
        tun = Files.writeString(tmp.resolve("tun"), "");
    }

    private HostFacts host(String os, long uid) {
        return new HostFacts(os, uid, List.of(bin), kit, cache, tun);
    }

    @Test
    void availableWhenRootWithToolsAndSetupDone() {
        KernelClientAvailability a = KernelClientAvailability.check(host("Linux", 0));

        assertThat(a.ok()).isTrue();
        assertThat(a.reason()).isEqualTo("available");
    }

    @Test
    void namesEveryMissingPrerequisite() throws IOException {
        Files.delete(bin.resolve("qemu-system-x86_64"));
        Files.delete(cache.resolve("kernel/current/load-order"));

        KernelClientAvailability a = KernelClientAvailability.check(host("Linux", 1000));

        assertThat(a.ok()).isFalse();
        assertThat(a.problems()).hasSize(3);
        assertThat(a.reason()).contains("not root (uid 1000)", "not on PATH: qemu-system-x86_64",
                "setup not done: no guest kernel in " + cache, kit.resolve("setup.sh").toString());
    }

    @Test
    void aMissingInitramfsOrTunDeviceOrOtherSystemIsReported() throws IOException {
        Files.delete(cache.resolve("initrd/base.cpio.gz"));
        Files.delete(tun);

        KernelClientAvailability a = KernelClientAvailability.check(host("Mac OS X", 0));

        assertThat(a.reason()).contains("not Linux", "no base initramfs", "no " + tun);
    }

    private static void executable(Path p) throws IOException {
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
