package dev.handoff.it.kernel;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether this machine can run the Linux kernel client, and if not, every reason why: a test that skips (or,
 * in CI, fails) names exactly what to fix instead of a bare "not available".
 *
 * @param problems what is missing, in the order a person would fix it; empty when available
 */
public record KernelClientAvailability(List<String> problems) {

    /** Programs run.sh and its helpers call on the host. */
    static final List<String> COMMANDS = List.of("qemu-system-x86_64", "unshare", "nsenter", "ip", "busybox",
            "cpio", "gcc", "timeout", "flock");

    public KernelClientAvailability {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One sentence for a skip or failure message. */
    public String reason() {
        return ok() ? "available" : String.join("; ", problems);
    }

    static KernelClientAvailability check(HostFacts host) {
        List<String> problems = new ArrayList<>();
        if (!host.osName().toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            problems.add("not Linux (os.name=" + host.osName() + ")");
        }
        if (host.uid() != 0) {
            problems.add("not root (uid " + host.uid() + "): namespaces, tap devices and the bridge need root");
        }
        if (!Files.isExecutable(host.kitDir().resolve("run.sh"))) {
            problems.add("no kernel-client runner at " + host.kitDir().resolve("run.sh"));
        }
        List<String> missing = COMMANDS.stream().filter(c -> !host.onPath(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("not on PATH: " + String.join(", ", missing) + setupHint(host));
        }
        if (!Files.exists(host.tunDevice())) {
            problems.add("no " + host.tunDevice() + " (tap devices)");
        }
        if (!Files.isRegularFile(host.cacheDir().resolve("kernel/current/load-order"))) {
            problems.add("setup not done: no guest kernel in " + host.cacheDir() + setupHint(host));
        } else if (!Files.isRegularFile(host.cacheDir().resolve("initrd/base.cpio.gz"))) {
            problems.add("setup not done: no base initramfs in " + host.cacheDir() + setupHint(host));
        }
        return new KernelClientAvailability(problems);
    }

    private static String setupHint(HostFacts host) {
        return " (run " + host.kitDir().resolve("setup.sh") + " as root; ./test does)";
    }
}
