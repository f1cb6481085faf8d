package dev.handoff.nsm.store;

import dev.handoff.nsm.state.NsmSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's snapshot as two files in the state directory, as rpc.statd keeps {@code /var/lib/nfs/state}
 * apart from its lists: {@value #STATE_FILE}, the state number in decimal, and {@value #MONITORS_FILE}, the
 * monitor and notify lists ({@link SnapshotJson}). Each is written whole to a temporary file, flushed, renamed
 * over the old one and the directory flushed, so a crash leaves the old file or the new one, never part of one,
 * and a number is on disk before {@link #save} returns and anyone is told it.
 *
 * <p>The state file is written first. A crash between the two files then costs nothing: the next start takes
 * the number after the one just written, and still finds every host of the old monitor list to notify.
 */
public final class NsmStateFiles implements NsmStore {
    private static final Logger log = LoggerFactory.getLogger(NsmStateFiles.class);
    public static final String STATE_FILE = "state";
    public static final String MONITORS_FILE = "monitors.json";
    /** Far above any list this server writes (a full one of usual names is about a megabyte). */
    static final long MAX_BYTES = 64L << 20;

    private final Path directory;
    /** The number last written, to skip rewriting an unchanged state file on every SM_MON. */
    private Integer writtenState;

    public NsmStateFiles(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public synchronized NsmSnapshot load() throws IOException {
        int state = readState();
        Path file = directory.resolve(MONITORS_FILE);
        if (!Files.exists(file)) {
            return new NsmSnapshot(state, List.of(), List.of());
        }
        SnapshotJson.Lists lists = SnapshotJson.decode(read(file), file.toString());
        return new NsmSnapshot(state, lists.monitors(), lists.pending());
    }

    /**
     * statd's rule: a missing or unreadable number starts again from the beginning, which is safe because peers
     * only compare state numbers for change. An I/O error is not swallowed: the next number would be wrong.
     */
    private int readState() throws IOException {
        Path file = directory.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = new String(read(file), StandardCharsets.US_ASCII).strip();
        try {
            return Integer.parseUnsignedInt(text);
        } catch (NumberFormatException e) {
            log.warn("{} does not hold a state number ({}); starting the numbers again", file,
                    text.length() > 20 ? text.substring(0, 20) + "..." : text);
            return 0;
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is not a regular file of at most " + MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    @Override
    public synchronized void save(NsmSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        if (writtenState == null || writtenState != snapshot.state()) {
            String number = Integer.toUnsignedString(snapshot.state()) + "\n";
            writeAtomically(STATE_FILE, number.getBytes(StandardCharsets.US_ASCII));
            writtenState = snapshot.state();
        }
        writeAtomically(MONITORS_FILE, SnapshotJson.encode(snapshot));
        syncDirectory();
    }

    private void writeAtomically(String name, byte[] bytes) throws IOException {
        Path tmp = directory.resolve(name + ".new");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                out.write(b);
            }
            out.force(true);
        }
        Files.move(tmp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The renames are durable only once the directory is; Linux allows flushing a directory opened to read. */
    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
