package dev.handoff.server.mount;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.message.AuthFlavor;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Access;
import dev.handoff.server.exports.Export;
import dev.handoff.server.exports.ExportPaths;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.mount.MountOutcome.Mounted;
import dev.handoff.server.mount.MountOutcome.Refused;
import dev.handoff.server.mount.xdr.DumpResult;
import dev.handoff.server.mount.xdr.ExportResult;
import dev.handoff.server.mount.xdr.Mnt1Result;
import dev.handoff.server.mount.xdr.Mnt3Result;
import dev.handoff.server.mount.xdr.MntArgs;
import dev.handoff.server.mount.xdr.MountCodec;
import dev.handoff.server.mount.xdr.MountStatus;
import dev.handoff.server.mount.xdr.UmntArgs;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.Vfs;
import dev.handoff.server.vfs.VfsRegistry;
import dev.handoff.server.vfs.VfsException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MOUNT procedures (RFC 1813 appendix I.4, RFC 1094 appendix A.5), for both versions. MNT decides in
 * mountd's order: the path must lie in an export, the export must admit the caller (address and, for a
 * {@code secure} export, a privileged source port), and only then is the directory looked up, so a refused
 * caller learns nothing about the tree. A path below an export's root mounts that sub-directory.
 */
public final class MountHandlers {
    private static final Logger log = LoggerFactory.getLogger(MountHandlers.class);
    /** As knfsd's mountd without {@code sec=}: AUTH_SYS alone (it leaves AUTH_NONE out for old clients). */
    static final List<Integer> AUTH_FLAVORS = List.of(AuthFlavor.AUTH_SYS);
    /** Sub-directories are looked up as root, as mountd's realpath() does; NFS calls then run as the caller. */
    private static final Identity ROOT = new Identity(0, 0, List.of());

    private final Exports exports;
    private final VfsRegistry fileSystems;
    private final SignedHandles handles;
    private final MountList mounts;

    public MountHandlers(Exports exports, VfsRegistry fileSystems, SignedHandles handles, MountList mounts) {
        this.exports = exports;
        this.fileSystems = fileSystems;
        this.handles = handles;
        this.mounts = mounts;
    }

    /** MOUNTPROC3_MNT (appendix I.4.1). */
    public Mnt3Result mnt3(CallContext call, MntArgs args) {
        InetSocketAddress caller = call.peer().remote();
        return switch (resolve(caller, args.dirpath())) {
            case Mounted m -> {
                mounted(caller, m);
                yield new Mnt3Result.Ok(m.handle(), AUTH_FLAVORS);
            }
            case Refused r -> new Mnt3Result.Fail(r.status());
        };
    }

    /**
     * MOUNTPROC_MNT of v1 (RFC 1094 A.5.1): a 32-byte NFSv2 handle. Ours are longer as a rule (22 bytes of
     * header and signature around the file system's key), and Handoff serves no NFSv2 to use one with; a
     * handle that fits is zero-padded to 32 bytes, one that does not is refused with EACCES, as mountd does
     * when the kernel cannot make a handle that small. Linux mounts NFSv3 through MOUNT v3.
     */
    public Mnt1Result mnt1(CallContext call, MntArgs args) {
        InetSocketAddress caller = call.peer().remote();
        return switch (resolve(caller, args.dirpath())) {
            case Mounted m when m.handle().length() > Mnt1Result.FHSIZE -> {
                log.info("MOUNT v1 from {} for {} refused: its {}-byte handle does not fit v1's {} (mount with"
                        + " NFSv3)", host(caller), m.directory(), m.handle().length(), Mnt1Result.FHSIZE);
                yield new Mnt1Result.Fail(MountStatus.MNT3ERR_ACCES);
            }
            case Mounted m -> {
                mounted(caller, m);
                byte[] padded = Arrays.copyOf(m.handle().bytes().toByteArray(), Mnt1Result.FHSIZE);
                yield new Mnt1Result.Ok(Opaque.copyOf(padded));
            }
            case Refused r -> new Mnt1Result.Fail(MountStatuses.forVersion1(r.status()));
        };
    }

    /**
     * MOUNTPROC3_DUMP (appendix I.4.2): to a caller some export lists; to any other an empty list, since the
     * mount list names every client host and what it mounted (the procedure has no status to refuse with).
     */
    public DumpResult dump(CallContext call, Void args) {
        return listed(exports.table(), call.peer().remote()) ? new DumpResult(mounts.entries())
                : new DumpResult(List.of());
    }

    /** MOUNTPROC3_UMNT (appendix I.4.3): forgets the mount; no reply status, so nothing to refuse. */
    public Void umnt(CallContext call, UmntArgs args) {
        ExportPaths.normalize(args.dirpath().isEmpty() ? "/" : args.dirpath())
                .ifPresent(dir -> mounts.remove(host(call.peer().remote()), dir.toString()));
        return null;
    }

    /** MOUNTPROC3_UMNTALL (appendix I.4.4). */
    public Void umntAll(CallContext call, Void args) {
        mounts.removeHost(host(call.peer().remote()));
        return null;
    }

    /**
     * MOUNTPROC3_EXPORT (appendix I.4.5): the whole table ({@code showmount -e}) to a caller some export lists,
     * whatever its source port; an empty list to an address no export lists, which would otherwise learn every
     * exported path and every client address or network allowed in.
     */
    public ExportResult export(CallContext call, Void args) {
        ExportTable table = exports.table();
        return listed(table, call.peer().remote()) ? ExportListing.of(table) : new ExportResult(List.of());
    }

    /** Whether some export has a client rule for {@code caller}'s address (a {@code secure} one counts too). */
    static boolean listed(ExportTable table, InetSocketAddress caller) {
        for (Export export : table.exports()) {
            Access access = table.decide(export.path(), caller);
            if (access instanceof Access.Allowed
                    || access instanceof Access.Denied d && d.reason() == Access.Reason.INSECURE_PORT) {
                return true;
            }
        }
        return false;
    }

    /** MNT's decision, without side effects; an empty dirpath means "/", as with mountd. */
    MountOutcome resolve(InetSocketAddress caller, String dirpath) {
        Optional<Path> normalized = ExportPaths.normalize(dirpath.isEmpty() ? "/" : dirpath);
        if (normalized.isEmpty()) {
            return refuse(MountStatus.MNT3ERR_INVAL, caller, dirpath, "not an absolute path without . or ..");
        }
        Path dir = normalized.get();
        if (dir.toString().getBytes(StandardCharsets.UTF_8).length > MountCodec.MNTPATHLEN) {
            return refuse(MountStatus.MNT3ERR_NAMETOOLONG, caller, dirpath, "path too long");
        }
        ExportTable table = exports.table();
        Optional<Export> export = table.containing(dir);
        if (export.isEmpty()) {
            return refuse(MountStatus.MNT3ERR_NOENT, caller, dirpath, "not exported");
        }
        if (table.decide(export.get().path(), caller) instanceof Access.Denied denied) {
            return refuse(MountStatus.MNT3ERR_ACCES, caller, dirpath, denied.detail());
        }
        Optional<Vfs> vfs = Optional.ofNullable(fileSystems.forExport(export.get().exportId()));
        if (vfs.isEmpty()) {
            return refuse(MountStatus.MNT3ERR_NOENT, caller, dirpath, "the export's directory is not available");
        }
        try {
            Inode inode = walk(vfs.get(), export.get().path().relativize(dir));
            FileKind kind = vfs.get().getattr(inode).kind();
            // mountd mounts directories and regular files; anything else would only confuse the client.
            if (kind != FileKind.DIRECTORY && kind != FileKind.REGULAR) {
                return refuse(MountStatus.MNT3ERR_NOTDIR, caller, dirpath, "a " + kind + ", not a directory");
            }
            return new Mounted(dir, handles.toHandle(inode));
        } catch (VfsException e) {
            return refuse(MountStatuses.ofErrno(e.errno()), caller, dirpath, e.getMessage());
        }
    }

    /** Looks up each component below the export's root; a symbolic link is not followed (NOTDIR later). */
    private static Inode walk(Vfs vfs, Path relative) throws VfsException {
        Inode inode = vfs.root();
        if (relative.toString().isEmpty()) {
            return inode;
        }
        for (Path name : relative) {
            inode = vfs.lookup(ROOT, inode, Opaque.copyOf(name.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return inode;
    }

    private void mounted(InetSocketAddress caller, Mounted m) {
        log.info("mount of {} by {}", m.directory(), host(caller));
        mounts.add(host(caller), m.directory().toString());
    }

    private static Refused refuse(MountStatus status, InetSocketAddress caller, String dirpath, String why) {
        log.warn("refused mount of {} by {} ({}): {}", dirpath, caller, status, why);
        return new Refused(status);
    }

    /**
     * The client as the mount list names it: its address, an IPv4-mapped IPv6 address (a dual-stack socket's
     * view of an IPv4 peer) as IPv4, so that UMNT over either kind of socket finds what MNT recorded.
     */
    static String host(InetSocketAddress caller) {
        InetAddress address = caller.getAddress();
        if (address == null) {
            return caller.getHostString();
        }
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always accepted", e);
        }
    }
}
