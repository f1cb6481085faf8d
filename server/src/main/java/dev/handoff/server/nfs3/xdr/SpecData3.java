package dev.handoff.server.nfs3.xdr;

/** specdata3 (RFC 1813 §2.6): major and minor device numbers of a block or character special file. */
public record SpecData3(int major, int minor) {
    public static final SpecData3 NONE = new SpecData3(0, 0);
}
