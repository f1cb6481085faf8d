package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsWriteRequest;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReadResponse;
import java.nio.file.Files;

/**
 * READ and WRITE on what is not a regular file, and at the edges of a file's size. knfsd refuses READ and
 * WRITE of FIFOs, devices and symbolic links with INVAL: a device is the client's own to open, and opening a
 * FIFO would block a server thread until some writer comes. Replies never exceed FSINFO's rtmax (§3.3.6).
 */
final class SpecialFileChecks {
    private SpecialFileChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        s.check("ERR.INVAL.read-fifo", () -> ErrorChecks.status(c.read(c.walk("n-fifo"), 0, 10),
                NfsStatus.NFS3ERR_INVAL, "READ(n-fifo, 0, 10) of a FIFO nobody writes to"));
        s.check("ERR.INVAL.write-fifo", () -> ErrorChecks.status(c.write(c.walk("n-fifo"), 0, new byte[4],
                NfsWriteRequest.FILE_SYNC), NfsStatus.NFS3ERR_INVAL,
                "WRITE(n-fifo, 0, 4 bytes) to a FIFO nobody reads"));
        s.check("ERR.INVAL.read-chardev", () -> ErrorChecks.status(c.read(c.walk("n-null"), 0, 10),
                NfsStatus.NFS3ERR_INVAL, "READ(n-null, 0, 10) of char device 1,3"));
        s.check("ERR.INVAL.read-symlink", () -> ErrorChecks.status(c.read(c.walk(WireTree.LINK), 0, 10),
                NfsStatus.NFS3ERR_INVAL, "READ(link, 0, 10) of a symbolic link"));
        s.check("ERR.FBIG.write-past-max-file-size", () -> ErrorChecks.status(c.write(c.walk(IoChecks.DATA),
                1L << 62, new byte[4], NfsWriteRequest.FILE_SYNC), NfsStatus.NFS3ERR_FBIG,
                "WRITE(n-data.bin, offset 2^62, 4 bytes)"));
        s.check("READ.clamped-to-rtmax", () -> {
            Nfs3ReadResponse r = Expect.ok(c.read(c.walk(IoChecks.DATA), 0, 4 << 20), "READ(n-data.bin, 0, 4 MiB)");
            Expect.isTrue(r.getBytesRead() > 0 && r.getBytesRead() <= FsChecks.MIB,
                    "READ(n-data.bin, 0, 4 MiB) returned " + r.getBytesRead() + " bytes; rtmax is 1 MiB");
            Expect.isTrue(r.isEof() == (r.getBytesRead() == Files.size(s.tree().rw(IoChecks.DATA))),
                    "eof " + r.isEof() + " after " + r.getBytesRead() + " bytes");
            return r.getBytesRead() + " bytes, eof " + r.isEof();
        });
    }
}
