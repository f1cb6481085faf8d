package dev.handoff.it.container;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import dev.handoff.it.serve.HandoffBuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The image the container tests run, {@code handoff:local}, made by the recipe {@code deploy/container/build-image.sh}
 * from the server this checkout builds. The recipe keeps an image whose inputs did not change and caches the
 * debootstrapped root file system, so only the first run on a machine pays for debootstrap (about a minute).
 * {@code -Dhandoff.container.serverDir=DIR} takes the server jar and lib/ from DIR instead of building it.
 */
final class HandoffImage {
    static final String NAME = "handoff:local";
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private HandoffImage() {
    }

    /** Builds or refreshes the image; prints what the recipe said (built, with size and time, or up to date). */
    static void ensureBuilt() throws Exception {
        Path root = Prerequisites.repositoryRoot();
        String serverDir = System.getProperty("handoff.container.serverDir");
        if (serverDir == null) {
            HandoffBuild.ensureBuilt();
            serverDir = root.resolve("server/target").toString();
        }
        Prerequisites.requireTool("/usr/sbin/debootstrap", "debootstrap");
        ToolRun run = ToolRun.run(List.of(root.resolve("deploy/container/build-image.sh").toString(),
                "--tag", NAME, "--server", serverDir), LIMIT, root);
        if (!run.succeeded()) {
            throw new AssertionError("building " + NAME + " failed: " + run.describe());
        }
        System.out.println("image " + NAME + " ready after " + run.took().toSeconds() + " s:\n" + run.output().strip());
    }

    /** The seccomp profile the image is documented to run with (deploy/container/README.md). */
    static Path seccompProfile() {
        return Prerequisites.repositoryRoot().resolve("deploy/container/seccomp.json");
    }
}
