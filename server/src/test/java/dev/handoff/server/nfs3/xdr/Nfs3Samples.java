package dev.handoff.server.nfs3.xdr;

/** Values for codec tests, chosen so that every optional item appears both present and absent. */
final class Nfs3Samples {
    static final FileHandle3 ROOT = FileHandle3.ofHex("01000701" + "0a1b2c3d" + "00000000" + "00000002" + "0000beef");
    static final FileHandle3 FILE = FileHandle3.ofHex("0100070100ffee");
    static final FileHandle3 LONGEST = FileHandle3.ofHex("ab".repeat(FileHandle3.MAX_LENGTH));
    static final FileHandle3 EMPTY = FileHandle3.ofHex("");

    static final NfsTime3 T1 = new NfsTime3(1_700_000_000L, 123_456_789L);
    static final NfsTime3 T2 = new NfsTime3(0xFFFF_FFFFL, 999_999_999L);

    static final Fattr3 DIR_ATTRS = new Fattr3(FileType3.NF3DIR, 0755, 2, 0, 0, 4096, 4096, SpecData3.NONE,
            0x1122_3344_5566_7788L, 2, T1, T1, T1);
    static final Fattr3 FILE_ATTRS = new Fattr3(FileType3.NF3REG, 0644, 1, 1000, -2, 0xFFFF_FFFF_FFFF_FFFEL,
            8192, SpecData3.NONE, 7, 0x8000_0000_0000_0001L, T1, T2, T2);
    static final Fattr3 DEVICE_ATTRS = new Fattr3(FileType3.NF3CHR, 0620, 1, 0, 5, 0, 0, new SpecData3(136, 3),
            7, 99, T2, T2, T1);

    static final WccData WCC = WccData.of(FILE_ATTRS.toWccAttr(), FILE_ATTRS);
    static final WccData WCC_AFTER_ONLY = new WccData(PreOpAttr.NONE, PostOpAttr.of(DIR_ATTRS));

    static final Sattr3 SET_ALL = new Sattr3(04755, 1000, 100, 0L, new SetTime3.ClientTime(T1),
            new SetTime3.ClientTime(T2));
    static final Sattr3 SET_MODE_SERVER_TIMES = Sattr3.NONE.withMode(0600)
            .withTimes(SetTime3.ServerTime.INSTANCE, SetTime3.ServerTime.INSTANCE);

    static final DirOpArgs3 HELLO = new DirOpArgs3(ROOT, Filename3.of("hello.txt"));
    static final DirOpArgs3 LONG_NAME = new DirOpArgs3(FILE, Filename3.of("n".repeat(Filename3.MAX_LENGTH)));

    static final Verifier3 VERF = new Verifier3(0x0102_0304_0506_0708L);

    private Nfs3Samples() {
    }
}
