package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsFsInfo;
import com.emc.ecs.nfsclient.nfs.NfsFsStat;
import com.emc.ecs.nfsclient.nfs.NfsPosixAttributes;
import java.nio.file.FileStore;
import java.nio.file.Files;

/** FSSTAT, FSINFO and PATHCONF (RFC 1813 §3.3.18 to §3.3.20). */
final class FsChecks {
    static final long MIB = 1 << 20;
    /** FSINFO properties (§3.3.19). */
    static final long FSF3_LINK = 0x1;
    static final long FSF3_SYMLINK = 0x2;
    static final long FSF3_CANSETTIME = 0x10;

    private FsChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        s.check("FSSTAT", () -> {
            NfsFsStat st = Expect.ok(c.fsstat(c.root()), "FSSTAT(root)").getFsStat();
            FileStore store = Files.getFileStore(s.tree().export(WireTree.RW));
            Expect.equal(store.getTotalSpace(), st.tbytes, "tbytes vs statvfs of the export");
            Expect.isTrue(st.fbytes <= st.tbytes && st.bytes <= st.fbytes,
                    "tbytes " + st.tbytes + " >= fbytes " + st.fbytes + " >= abytes " + st.bytes + " does not hold");
            Expect.isTrue(st.tfiles > 0 && st.ffiles <= st.tfiles && st.afiles <= st.ffiles,
                    "tfiles " + st.tfiles + " >= ffiles " + st.ffiles + " >= afiles " + st.afiles + " does not hold");
            return "tbytes " + st.tbytes + ", fbytes " + st.fbytes + ", tfiles " + st.tfiles;
        });
        s.check("FSINFO", () -> {
            NfsFsInfo info = Expect.ok(c.fsinfo(c.root()), "FSINFO(root)").getFsInfo();
            Expect.equal(MIB, info.rtmax, "rtmax");
            Expect.equal(MIB, info.wtmax, "wtmax");
            Expect.isTrue(info.rtpref > 0 && info.rtpref <= info.rtmax, "rtpref " + info.rtpref);
            Expect.isTrue(info.wtpref > 0 && info.wtpref <= info.wtmax, "wtpref " + info.wtpref);
            Expect.isTrue(info.dtpref > 0, "dtpref " + info.dtpref);
            Expect.isTrue(info.maxfilesize > 0, "maxfilesize " + info.maxfilesize);
            long want = FSF3_LINK | FSF3_SYMLINK | FSF3_CANSETTIME;
            Expect.equal(want, info.properties & want, "properties LINK|SYMLINK|CANSETTIME");
            return "rtmax " + info.rtmax + ", wtmax " + info.wtmax + ", properties 0x"
                    + Long.toHexString(info.properties);
        });
        s.check("PATHCONF", () -> {
            NfsPosixAttributes p = Expect.ok(c.pathconf(c.walk(WireTree.HELLO)), "PATHCONF(hello.txt)")
                    .getPosixAttributes();
            Expect.equal(255L, p.getNameMaximum(), "name_max");
            Expect.isTrue(p.getLinkMaximum() > 1, "linkmax " + p.getLinkMaximum());
            Expect.isTrue(p.isNoTruncation(), "no_trunc false: long names would be cut, not refused");
            Expect.isTrue(p.isChownRestricted(), "chown_restricted false");
            Expect.isTrue(!p.isCaseInsensitive() && p.isCasePreserving(), "case handling " + p);
            return "name_max 255, linkmax " + p.getLinkMaximum() + ", no_trunc, chown_restricted";
        });
    }
}
