package dev.handoff.rpc.xdr;

/** Decodes one XDR item; argument decoders of procedure tables are these. */
@FunctionalInterface
public interface XdrReader<T> {
    T read(XdrDecoder in);
}
