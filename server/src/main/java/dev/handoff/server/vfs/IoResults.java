package dev.handoff.server.vfs;

/** Results of READ and WRITE. */
public final class IoResults {
    private IoResults() {
    }

    public record Read(int count, boolean eof) {
    }

    /** @param committed how stable the data now is; at least what was asked */
    public record Write(int count, Stability committed) {
    }
}
