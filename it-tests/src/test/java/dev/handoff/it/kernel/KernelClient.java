package dev.handoff.it.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the kernel-client harness lives on this machine, and whether it can run here.
 *
 * <p>Tests start with {@link #assumeAvailable()}. Outside CI a missing prerequisite skips the test, loudly and
 * with the exact reason; with {@code CI=true} in the environment it fails the test, because CI must run them all.
 *
 * <p>Locations (system properties are set by it-tests/pom.xml; the fallbacks serve IDE runs):
 * <ul>
 * <li>{@code handoff.repoRoot}: the repository root, the working directory of server commands;
 *     else the nearest ancestor of the working directory holding it-tests/kernel-client</li>
 * <li>{@code handoff.kernelClient.dir}: the scripts, default {@code <repo>/it-tests/kernel-client}</li>
 * <li>{@code KC_CACHE} (environment) or {@code handoff.kernelClient.cache}: kernel, initramfs and runs,
 *     default {@value #DEFAULT_CACHE}</li>
 * <li>{@code handoff.buildDir}: the module's build directory; run results go under it</li>
 * </ul>
 */
public final class KernelClient {
    public static final String DEFAULT_CACHE = "/var/cache/handoff-kernel-client";
    private static final Logger log = LoggerFactory.getLogger(KernelClient.class);

    private KernelClient() {
    }

    public static Path repoRoot() {
        String configured = System.getProperty("handoff.repoRoot");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("it-tests/kernel-client"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    public static Path kitDir() {
        String configured = System.getProperty("handoff.kernelClient.dir");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : repoRoot().resolve("it-tests/kernel-client");
    }

    public static Path cacheDir() {
        String env = System.getenv("KC_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("handoff.kernelClient.cache", DEFAULT_CACHE));
    }

    /** Where run directories go by default; empty means the runner's own default under the cache. */
    static Optional<Path> runsDir() {
        return Optional.ofNullable(System.getProperty("handoff.buildDir")).map(d -> Path.of(d, "kernel-client-runs"));
    }

    public static KernelClientAvailability available() {
        return KernelClientAvailability.check(HostFacts.current(kitDir(), cacheDir()));
    }

    /** Skips the calling test when the kernel client cannot run here, or fails it when {@code CI=true}. */
    public static void assumeAvailable() {
        KernelClientAvailability availability = available();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!availability.ok() && !ci) {
            // a skipped test is easy to overlook in a long build log: make it stand out
            log.warn("""

                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                    !!! SKIPPING a Linux kernel client test: {}
                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""",
                    availability.reason());
        }
        requireOrSkip(availability, ci);
    }

    static void requireOrSkip(KernelClientAvailability availability, boolean ci) {
        if (availability.ok()) {
            return;
        }
        if (ci) {
            Assertions.fail("kernel client required in CI (CI=true) but unavailable: " + availability.reason());
        }
        Assumptions.abort("kernel client unavailable: " + availability.reason());
    }
}
