package dev.handoff.it.serve;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./handoff} builds the server jar when the sources are newer than it. Tests call {@link #ensureBuilt()}
 * once before starting servers, so that a build (a minute or more on 2 cores) never eats into a server's
 * start timeout, least of all inside a kernel-client node where a restart must be quick.
 */
public final class HandoffBuild {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static boolean built;

    private HandoffBuild() {
    }

    public static synchronized void ensureBuilt() throws Exception {
        if (built) {
            return;
        }
        ToolRun run = ToolRun.run(List.of(Prerequisites.repositoryRoot().resolve("handoff").toString(), "--version"),
                LIMIT, Prerequisites.repositoryRoot());
        if (!run.succeeded()) {
            throw new AssertionError("./handoff --version (building the server) failed: " + run.describe());
        }
        built = true;
    }
}
