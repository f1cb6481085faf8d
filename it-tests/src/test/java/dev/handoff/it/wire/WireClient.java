package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsResponseBase;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsTime;
import com.emc.ecs.nfsclient.nfs.NfsType;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3AccessResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3CommitResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3CreateResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3FsInfoResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3FsStatResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3GetAttrResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3LinkResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3LookupResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3MkdirResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3MknodResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3PathconfResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReadResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReaddirResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReaddirplusResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReadlinkResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3RemoveResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3RenameResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3RmdirResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3SetAttrResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3SymlinkResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3WriteResponse;
import com.emc.ecs.nfsclient.rpc.CredentialUnix;
import com.emc.ecs.nfsclient.rpc.RpcResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One export seen by one caller (AUTH_SYS uid and gid) through the client library. Every call is the library's
 * "naked" form: it sends once and hands back the decoded reply whatever its status, where the "wrapped" forms
 * retry and turn errors into exceptions. Only RPC-level failures (a rejected or unaccepted call, no reply)
 * throw.
 */
final class WireClient {
    private final String server;
    private final Path export;
    private final Nfs3 nfs;

    private WireClient(String server, Path export, Nfs3 nfs) {
        this.server = server;
        this.export = export;
        this.nfs = nfs;
    }

    /** MOUNT (through portmap on port 111, as the library always does) and the root handle it returns. */
    static WireClient mount(String server, Path export) throws IOException {
        return new WireClient(server, export, new Nfs3(server, export.toString(), credential(0, 0), 1));
    }

    /** Without MOUNT: a root handle the caller already has (from an earlier phase, or another caller). */
    static WireClient withRoot(String server, Path export, byte[] root, int uid, int gid) throws IOException {
        return new WireClient(server, export, new Nfs3(server, export.toString(), root, credential(uid, gid), 1));
    }

    /** The same export as another caller. */
    WireClient as(int uid, int gid) throws IOException {
        return withRoot(server, export, root(), uid, gid);
    }

    private static CredentialUnix credential(int uid, int gid) {
        return new CredentialUnix(uid, gid, null);
    }

    byte[] root() {
        return nfs.getRootFileHandle();
    }

    /** The library's client itself, for calls that need the request object (a retransmission resends one). */
    Nfs3 nfs() {
        return nfs;
    }

    /** NULL (§3.3.0): throws unless the reply is an accepted, successful RPC reply. */
    void nullCall() throws IOException {
        new RpcResponse().unmarshalling(nfs.nullCall());
    }

    Nfs3GetAttrResponse getattr(byte[] fh) throws IOException {
        return nfs.getAttr(nfs.makeGetAttrRequest(fh));
    }

    /** GETATTR that must succeed. */
    NfsGetAttributes attributes(byte[] fh, String what) throws IOException, CheckFailed {
        return Expect.ok(getattr(fh), "GETATTR(" + what + ")").getAttributes();
    }

    Nfs3SetAttrResponse setattr(byte[] fh, NfsSetAttributes attributes, NfsTime guard) throws IOException {
        return nfs.setAttr(nfs.makeSetAttrRequest(fh, attributes, guard));
    }

    Nfs3LookupResponse lookup(byte[] dir, String name) throws IOException {
        return nfs.getLookup(nfs.makeLookupRequest(dir, name));
    }

    /** The handle of {@code relative} (slash-separated), LOOKUP by LOOKUP from the root; each must succeed. */
    byte[] walk(String relative) throws IOException, CheckFailed {
        byte[] fh = root();
        for (String name : relative.split("/")) {
            fh = Expect.ok(lookup(fh, name), "LOOKUP(" + name + " on the way to " + relative + ")").getFileHandle();
        }
        return fh;
    }

    Nfs3AccessResponse access(byte[] fh, long bits) throws IOException {
        return nfs.getAccess(nfs.makeAccessRequest(fh, bits));
    }

    Nfs3ReadlinkResponse readlink(byte[] fh) throws IOException {
        return nfs.getReadlink(nfs.makeReadlinkRequest(fh));
    }

    Nfs3ReadResponse read(byte[] fh, long offset, int count) throws IOException {
        return nfs.getRead(nfs.makeReadRequest(fh, offset, count), null, 0);
    }

    /** WRITE; keep {@code data} a multiple of 4 bytes: the library pads other lengths incorrectly. */
    Nfs3WriteResponse write(byte[] fh, long offset, byte[] data, int stable) throws IOException {
        return nfs.sendWrite(nfs.makeWriteRequest(fh, offset, List.of(ByteBuffer.wrap(data)), stable));
    }

    Nfs3CommitResponse commit(byte[] fh, long offset, int count) throws IOException {
        return nfs.sendCommit(nfs.makeCommitRequest(fh, offset, count));
    }

    Nfs3CreateResponse create(NfsCreateMode how, byte[] dir, String name, NfsSetAttributes attributes,
                              byte[] verifier) throws IOException {
        return nfs.sendCreate(nfs.makeCreateRequest(how, dir, name, attributes, verifier));
    }

    Nfs3MkdirResponse mkdir(byte[] dir, String name, NfsSetAttributes attributes) throws IOException {
        return nfs.sendMkdir(nfs.makeMkdirRequest(dir, name, attributes));
    }

    Nfs3SymlinkResponse symlink(byte[] dir, String name, String target) throws IOException {
        return nfs.sendSymlink(nfs.makeSymlinkRequest(target, dir, name, new NfsSetAttributes()));
    }

    Nfs3MknodResponse mknod(byte[] dir, String name, NfsType type, NfsSetAttributes attributes, long[] rdev)
            throws IOException {
        return nfs.sendMknod(nfs.makeMknodRequest(dir, name, type, attributes, rdev));
    }

    Nfs3RemoveResponse remove(byte[] dir, String name) throws IOException {
        return nfs.sendRemove(nfs.makeRemoveRequest(dir, name));
    }

    Nfs3RmdirResponse rmdir(byte[] dir, String name) throws IOException {
        return nfs.sendRmdir(nfs.makeRmdirRequest(dir, name));
    }

    Nfs3RenameResponse rename(byte[] fromDir, String from, byte[] toDir, String to) throws IOException {
        return nfs.sendRename(nfs.makeRenameRequest(fromDir, from, toDir, to));
    }

    Nfs3LinkResponse link(byte[] file, byte[] dir, String name) throws IOException {
        return nfs.sendLink(nfs.makeLinkRequest(file, dir, name));
    }

    Nfs3ReaddirResponse readdir(byte[] dir, long cookie, long verifier, int count) throws IOException {
        return nfs.getReaddir(nfs.makeReaddirRequest(dir, cookie, verifier, count));
    }

    Nfs3ReaddirplusResponse readdirplus(byte[] dir, long cookie, long verifier, int dircount, int maxcount)
            throws IOException {
        return nfs.getReaddirplus(nfs.makeReaddirplusRequest(dir, cookie, verifier, dircount, maxcount));
    }

    Nfs3FsStatResponse fsstat(byte[] fh) throws IOException {
        return nfs.getFsStat(nfs.makeFsStatRequest(fh));
    }

    Nfs3FsInfoResponse fsinfo(byte[] fh) throws IOException {
        return nfs.getFsInfo(nfs.makeFsInfoRequest(fh));
    }

    Nfs3PathconfResponse pathconf(byte[] fh) throws IOException {
        return nfs.getPathconf(nfs.makePathconfRequest(fh));
    }

    /** The status of a reply, by name. */
    static String status(NfsResponseBase response) {
        return Statuses.name(response.getState());
    }
}
