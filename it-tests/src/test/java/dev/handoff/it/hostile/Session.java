package dev.handoff.it.hostile;

import java.io.IOException;

/**
 * What every group of checks shares: the tree, the check runner, and connections from a chosen address to a
 * chosen program port, privileged (below 1024) unless asked otherwise.
 */
record Session(HostileTree tree, Checks checks) {
    static final int NFS_PORT = 2049;
    static final int MOUNT_PORT = 20048;

    /** An NFS connection from {@code address} as root, from a privileged port. */
    RpcLink nfs(String address) throws IOException {
        return RpcLink.privileged(HostileTree.address(address), HostileTree.server(NFS_PORT));
    }

    RpcLink mount(String address) throws IOException {
        return RpcLink.privileged(HostileTree.address(address), HostileTree.server(MOUNT_PORT));
    }

    RpcLink to(String address, int port, boolean privileged) throws IOException {
        return privileged ? RpcLink.privileged(HostileTree.address(address), HostileTree.server(port))
                : RpcLink.unprivileged(HostileTree.address(address), HostileTree.server(port));
    }

    /** The root handle of export {@code name} as {@code address} mounts it. */
    dev.handoff.rpc.xdr.Opaque root(String address, String name) throws IOException, CheckFailed {
        try (RpcLink m = mount(address)) {
            return new Nfs(m, Cred.ROOT).mnt(tree.export(name).toString());
        }
    }
}
