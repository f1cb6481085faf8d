package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * WRITE3args (RFC 1813 §3.3.7). The wire's count always equals the data's length (the decoder refuses a call
 * where they differ), so it is not kept apart. Closing the arguments releases the data; the dispatcher does so
 * after the handler.
 */
public record WriteArgs(FileHandle3 file, long offset, StableHow stable, WriteData data) implements AutoCloseable {
    public WriteArgs {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(data, "data");
    }

    /** count3 of the call: the number of bytes to write. */
    public int count() {
        return data.length();
    }

    @Override
    public void close() {
        data.close();
    }
}
