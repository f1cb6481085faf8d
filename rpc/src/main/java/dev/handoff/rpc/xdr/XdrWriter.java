package dev.handoff.rpc.xdr;

/** Encodes one XDR item; result encoders of procedure tables are these. */
@FunctionalInterface
public interface XdrWriter<T> {
    void write(XdrEncoder out, T value);

    /** For procedures whose result is void. */
    static <T> XdrWriter<T> nothing() {
        return (out, value) -> { };
    }
}
