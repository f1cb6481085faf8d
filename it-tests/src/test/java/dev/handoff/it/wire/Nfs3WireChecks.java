package dev.handoff.it.wire;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The client side of {@link Nfs3WireIT}, run inside the server's network namespace (the client library finds
 * the server's ports only through portmap on port 111). One phase per run:
 * <pre>
 *   Nfs3WireChecks main          SERVER BASE_DIR   every procedure and error; hands state to the next phases
 *   Nfs3WireChecks after-restart SERVER BASE_DIR   old handles, cookies and the new write verifier
 *   Nfs3WireChecks after-reload  SERVER BASE_DIR   handles of an export removed by a reload
 * </pre>
 * Prints one {@code CHECK name PASS|FAIL detail} line per check and a last line {@code DONE phase checks=N
 * failed=F}; exits 0 once it got that far, whatever the checks said (the IT judges the lines).
 */
public final class Nfs3WireChecks {
    private Nfs3WireChecks() {
    }

    enum Phase {
        MAIN, AFTER_RESTART, AFTER_RELOAD
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Nfs3WireChecks main|after-restart|after-reload SERVER BASE_DIR");
            System.exit(2);
        }
        Phase phase = Phase.valueOf(args[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        WireTree tree = new WireTree(Path.of(args[2]));
        CheckRun run = new CheckRun(System.out);
        try {
            WireState state = phase == Phase.MAIN ? new WireState() : WireState.load(tree.stateFile());
            WireSession s = WireSession.mount(args[1], tree, run, state);
            switch (phase) {
                case MAIN -> {
                    AttrChecks.run(s);
                    LookupChecks.run(s);
                    IoChecks.run(s);
                    CreateChecks.run(s);
                    DirOpChecks.run(s);
                    ReplyCacheChecks.run(s);
                    ReaddirChecks.run(s);
                    FsChecks.run(s);
                    ErrorChecks.run(s);
                    PermissionChecks.run(s);
                    EscapeChecks.run(s);
                    SpecialFileChecks.run(s);
                    HandleChecks.run(s);
                }
                case AFTER_RESTART -> RestartChecks.run(s);
                case AFTER_RELOAD -> ReloadChecks.run(s);
            }
            state.save(tree.stateFile());
        } catch (Exception | Error e) {
            run.fail("PHASE." + args[0], e);
        }
        System.out.println("DONE " + args[0] + " checks=" + run.lines().size() + " failed=" + run.failures());
        System.out.flush();
        // The library's network threads do not end by themselves.
        System.exit(0);
    }
}
