package dev.handoff.it.torture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Appends history entries to a file, one line each, flushed at once (a killed client keeps what it logged). */
final class HistoryLog implements AutoCloseable {
    private final BufferedWriter out;

    HistoryLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Epoch microseconds of the machine's clock, which the host's scheduler and watcher share. */
    static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    void add(HistoryEntry e) {
        try {
            out.write(HistoryLines.format(e));
            out.newLine();
            out.flush();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
