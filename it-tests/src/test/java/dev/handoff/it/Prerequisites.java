package dev.handoff.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Integration tests need real parts (root for network namespaces, Debian's rpcinfo). Where one is missing
 * the test is skipped with the reason printed loudly; in CI (CI=true) everything must run, so it fails.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    public static void require(boolean present, String what, String howToGetIt) {
        if (present) {
            return;
        }
        String message = "MISSING PREREQUISITE: " + what + " — " + howToGetIt;
        System.err.println("*** " + message);
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI runs every test; install it in the test command)");
        }
        assumeTrue(false, message);
    }

    public static void requireRoot() {
        require("root".equals(System.getProperty("user.name")), "root (network namespaces)",
                "run ./test as root");
    }

    public static void requireTool(String path, String debianPackage) {
        require(Files.isExecutable(Path.of(path)), path,
                "apt-get install " + debianPackage + " (scripts/install-test-deps.sh does it)");
    }

    /** The repository root: it-tests runs with its module directory as the working directory. */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }
}
