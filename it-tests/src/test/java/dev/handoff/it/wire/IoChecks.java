package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsWriteRequest;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3CommitResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3ReadResponse;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3WriteResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * READ, WRITE and COMMIT (RFC 1813 §3.3.6, §3.3.7, §3.3.21) with transfers of the full 1 MiB FSINFO allows. A
 * 1 MiB WRITE leaves this client as a record of two fragments (header, then data), so the server's record
 * reassembly is on the way too.
 */
final class IoChecks {
    static final String DATA = "n-data.bin";
    static final int MIB = 1 << 20;
    static final int TAIL = 1000;

    private IoChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        byte[] hello = WireTree.HELLO_TEXT.getBytes(StandardCharsets.UTF_8);
        s.check("READ.whole-small-file", () -> {
            Nfs3ReadResponse r = Expect.ok(c.read(c.walk(WireTree.HELLO), 0, 4096), "READ(hello.txt, 0, 4096)");
            Expect.equal(hello.length, r.getBytesRead(), "count");
            Expect.equalBytes(hello, r.getBytes(), "data");
            Expect.isTrue(r.isEof(), "READ(hello.txt, 0, 4096) returned the whole file without eof");
            return hello.length + " bytes, eof";
        });
        s.check("READ.middle", () -> {
            Nfs3ReadResponse r = Expect.ok(c.read(c.walk(WireTree.HELLO), 7, 3), "READ(hello.txt, 7, 3)");
            Expect.equal("wor", new String(r.getBytes(), StandardCharsets.UTF_8), "data");
            Expect.isTrue(!r.isEof(), "READ(hello.txt, 7, 3) said eof with 3 bytes still to come");
            return "\"wor\", not eof";
        });
        s.check("READ.at-end", () -> {
            Nfs3ReadResponse r = Expect.ok(c.read(c.walk(WireTree.HELLO), hello.length, 10), "READ(hello.txt, 13, 10)");
            Expect.equal(0, r.getBytesRead(), "count at end of file");
            Expect.isTrue(r.isEof(), "READ at end of file without eof");
            return "0 bytes, eof";
        });

        byte[] data = new byte[MIB + TAIL];
        new Random(42).nextBytes(data);
        Path onDisk = s.tree().rw(DATA);
        s.check("WRITE.unstable-1MiB", () -> {
            byte[] fh = Expect.ok(c.create(NfsCreateMode.UNCHECKED, c.root(), DATA, AttrChecks.sattr(0644L, null, null),
                    null), "CREATE(n-data.bin, UNCHECKED)").getFileHandle();
            Nfs3WriteResponse r = Expect.ok(c.write(fh, 0, Arrays.copyOf(data, MIB), NfsWriteRequest.UNSTABLE),
                    "WRITE(n-data.bin, 0, 1 MiB, UNSTABLE)");
            Expect.equal(MIB, r.getCount(), "count written");
            Expect.isTrue(r.getCommitted() >= 0 && r.getCommitted() <= 2, "committed " + r.getCommitted());
            s.state().putHandle("data", fh);
            s.state().putLong("verifier", r.getVerf());
            return "1 MiB, committed " + r.getCommitted() + ", verifier " + Long.toHexString(r.getVerf());
        });
        s.check("WRITE.file-sync", () -> {
            byte[] fh = s.state().handle("data");
            Nfs3WriteResponse r = Expect.ok(c.write(fh, MIB, Arrays.copyOfRange(data, MIB, data.length),
                    NfsWriteRequest.FILE_SYNC), "WRITE(n-data.bin, 1 MiB, 1000, FILE_SYNC)");
            Expect.equal(TAIL, r.getCount(), "count written");
            Expect.equal(NfsWriteRequest.FILE_SYNC, r.getCommitted(), "committed for a FILE_SYNC write");
            Expect.equal(s.state().getLong("verifier"), r.getVerf(), "write verifier, same server, next WRITE");
            Expect.equalBytes(data, Files.readAllBytes(onDisk), "n-data.bin on disk");
            return "FILE_SYNC, same verifier; " + data.length + " bytes on disk as sent";
        });
        s.check("COMMIT", () -> {
            Nfs3CommitResponse r = Expect.ok(c.commit(s.state().handle("data"), 0, 0), "COMMIT(n-data.bin, 0, 0)");
            Expect.equal(s.state().getLong("verifier"), r.getVerf(), "COMMIT verifier vs WRITE's");
            Expect.isTrue(r.getFileWccData().getAttributes() != null, "COMMIT reply without post-op attributes");
            return "verifier " + Long.toHexString(r.getVerf()) + " as WRITE's";
        });
        s.check("READ.1MiB", () -> {
            byte[] fh = s.state().handle("data");
            Nfs3ReadResponse first = Expect.ok(c.read(fh, 0, MIB), "READ(n-data.bin, 0, 1 MiB)");
            Expect.equalBytes(Arrays.copyOf(data, MIB), first.getBytes(), "first MiB");
            Expect.isTrue(!first.isEof(), "eof with 1000 bytes left");
            Nfs3ReadResponse rest = Expect.ok(c.read(fh, MIB, MIB), "READ(n-data.bin, 1 MiB, 1 MiB)");
            Expect.equalBytes(Arrays.copyOfRange(data, MIB, data.length), rest.getBytes(), "last 1000 bytes");
            Expect.isTrue(rest.isEof(), "READ(n-data.bin, 1 MiB, 1 MiB) reached the end without eof");
            return "1 MiB then 1000 bytes with eof, as written";
        });
    }
}
