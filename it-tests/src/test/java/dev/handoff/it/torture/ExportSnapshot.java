package dev.handoff.it.torture;

import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The export directory's regular files after the run, read from the servers' disk: name to contents. */
record ExportSnapshot(Map<String, Opaque> files) {
    ExportSnapshot {
        files = Map.copyOf(files);
    }

    static ExportSnapshot read(Path dir) {
        Map<String, Opaque> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                files.put(p.getFileName().toString(), Opaque.copyOf(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportSnapshot(files);
    }

    boolean has(String name) {
        return files.containsKey(name);
    }
}
