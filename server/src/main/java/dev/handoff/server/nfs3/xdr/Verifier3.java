package dev.handoff.server.nfs3.xdr;

/**
 * The 8-byte verifiers of RFC 1813 §2.5 (cookieverf3, createverf3, writeverf3), kept as one big-endian long:
 * they are opaque to the side that receives them and only compared for equality.
 */
public record Verifier3(long value) {
    /** NFS3_COOKIEVERFSIZE, NFS3_CREATEVERFSIZE and NFS3_WRITEVERFSIZE. */
    public static final int SIZE = 8;
    /** The cookie verifier a client sends with cookie 0, and servers that do not check verifiers return. */
    public static final Verifier3 ZERO = new Verifier3(0);

    @Override
    public String toString() {
        return "Verifier3[" + String.format("%016x", value) + "]";
    }
}
