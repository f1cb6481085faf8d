package dev.handoff.it.hostile;

import java.nio.file.Path;

/**
 * The client side of {@link HostileClientIT}, run inside the client namespace (it holds the listed, other and
 * unlisted addresses): {@code HostileChecks BASE_DIR}. Prints one {@code CHECK name PASS|FAIL detail} line per
 * check and a last line {@code DONE checks=N failed=F}.
 */
public final class HostileChecks {
    private HostileChecks() {
    }

    public static void main(String[] args) {
        Checks checks = new Checks(System.out);
        Session s = new Session(new HostileTree(Path.of(args[0])), checks);
        group(checks, "handles", () -> HandleChecks.run(s));
        group(checks, "escape", () -> EscapeChecks.run(s));
        group(checks, "unlisted", () -> UnlistedChecks.run(s));
        group(checks, "access", () -> AccessChecks.run(s));
        group(checks, "credentials", () -> CredentialChecks.run(s));
        group(checks, "locks", () -> LockChecks.run(s));
        group(checks, "admin", () -> AdminChecks.run(s));
        System.out.println("DONE checks=" + checks.run() + " failed=" + checks.failed());
        System.out.flush();
        System.exit(0);
    }

    /** One group of checks; what it throws outside its checks stops only it. */
    @FunctionalInterface
    private interface Group {
        void run() throws Exception;
    }

    /** A group that throws before its own checks ran fails as a check of its own, and the next group runs. */
    private static void group(Checks checks, String name, Group body) {
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            checks.check("group." + name, () -> {
                throw new CheckFailed("the group stopped: " + e);
            });
        }
    }
}
