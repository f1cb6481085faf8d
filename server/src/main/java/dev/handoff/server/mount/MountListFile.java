package dev.handoff.server.mount;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.server.exports.ExportPaths;
import dev.handoff.server.mount.xdr.MountCodec;
import dev.handoff.server.mount.xdr.MountEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mount list as a JSON file in the state directory, {@value #FILE_NAME}:
 * <pre>{"version":1,"mounts":[{"host":"192.0.2.7","directory":"/srv/share"}]}</pre>
 * Written whole to a temporary file, flushed to disk and renamed over the old one, so a crash leaves either
 * the old list or the new one, never half of one. Entries that could not have come from MNT (a name or path
 * too long for DUMP to send, a path that is not normalized) are skipped with a warning when read.
 */
public final class MountListFile implements MountListStore {
    private static final Logger log = LoggerFactory.getLogger(MountListFile.class);
    public static final String FILE_NAME = "mounts.json";
    /** A full list (4096 entries of the longest host and path) fits in well under this. */
    static final long MAX_BYTES = 8L << 20;
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public MountListFile(Path file) {
        this.file = file;
    }

    public static MountListFile inStateDirectory(Path stateDir) {
        return new MountListFile(stateDir.resolve(FILE_NAME));
    }

    @Override
    public List<MountEntry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is not a regular file of at most " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("mounts").isArray()) {
            throw new IOException(file + " has no \"mounts\" array");
        }
        List<MountEntry> mounts = new ArrayList<>();
        for (JsonNode m : root.get("mounts")) {
            String host = m.path("host").asText("");
            String dir = m.path("directory").asText("");
            if (valid(host, dir)) {
                mounts.add(new MountEntry(host, dir));
            } else {
                log.warn("{}: skipping the malformed entry {}", file, m);
            }
        }
        return mounts;
    }

    @Override
    public void save(List<MountEntry> mounts) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ArrayNode list = root.putArray("mounts");
        for (MountEntry m : mounts) {
            list.addObject().put("host", m.hostname()).put("directory", m.directory());
        }
        byte[] bytes = JSON.writeValueAsBytes(root);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".new");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean valid(String host, String dir) {
        return !host.isEmpty() && host.getBytes(StandardCharsets.UTF_8).length <= MountCodec.MNTNAMLEN
                && dir.getBytes(StandardCharsets.UTF_8).length <= MountCodec.MNTPATHLEN
                && ExportPaths.normalize(dir).map(p -> p.toString().equals(dir)).orElse(false);
    }
}
