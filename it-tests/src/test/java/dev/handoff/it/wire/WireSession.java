package dev.handoff.it.wire;

import java.io.IOException;

/**
 * Everything a phase's checks share: the tree on disk, the report, what earlier phases handed over, and the
 * callers. {@code root} is root on the rw export (no_root_squash); {@code user} is uid/gid {@value
 * WireTree#USER} on the same export.
 */
record WireSession(String server, WireTree tree, CheckRun run, WireState state, WireClient root, WireClient user) {

    static WireSession mount(String server, WireTree tree, CheckRun run, WireState state) throws IOException {
        WireClient root = WireClient.mount(server, tree.export(WireTree.RW));
        return new WireSession(server, tree, run, state, root, root.as(WireTree.USER, WireTree.USER));
    }

    /** Root on another export, through MOUNT. */
    WireClient mount(String export) throws IOException {
        return WireClient.mount(server, tree.export(export));
    }

    void check(String name, CheckRun.Body body) {
        run.check(name, body);
    }
}
