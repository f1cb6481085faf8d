package dev.handoff.it.wire;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What one phase of the checks hands to the next (handles, the write verifier, a directory cookie), kept in a
 * properties file next to the exports: each phase is its own JVM, started after the server was restarted or
 * its exports reloaded.
 */
final class WireState {
    private final Properties values = new Properties();

    static WireState load(Path file) throws IOException {
        WireState state = new WireState();
        try (Reader r = Files.newBufferedReader(file)) {
            state.values.load(r);
        }
        return state;
    }

    void save(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            values.store(w, "handed from one phase of the NFSv3 wire checks to the next");
        }
    }

    void putHandle(String key, byte[] handle) {
        values.setProperty(key, Handles.hex(handle));
    }

    byte[] handle(String key) {
        return Handles.fromHex(require(key));
    }

    void putLong(String key, long value) {
        values.setProperty(key, Long.toString(value));
    }

    long getLong(String key) {
        return Long.parseLong(require(key));
    }

    void putString(String key, String value) {
        values.setProperty(key, value);
    }

    String getString(String key) {
        return require(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    private String require(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no '" + key + "' was handed over by the earlier phase");
        }
        return value;
    }
}
