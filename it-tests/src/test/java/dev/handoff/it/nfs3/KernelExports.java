package dev.handoff.it.nfs3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directories a kernel-client run exports, made on the host before the run, and the server command that
 * serves them. Handoff exports real paths (no pseudo root), so guests mount these very paths:
 * <pre>
 * ROOT/exports        the exports file (Linux /etc/exports syntax)
 * ROOT/rw             *(rw,no_root_squash)   guests' $EXPORT; holds many/ with {@code manyCount} empty files
 * ROOT/squash         *(rw)                  root_squash (the default): world-writable, with a root-owned
 *                                            0644 "rootfile" reading "owned by root"
 * </pre>
 * Ten thousand files come from here rather than from the guest: made through a TCG guest they take minutes.
 */
public final class KernelExports implements AutoCloseable {
    /** The {@code handoff serve} option naming an exports file. */
    static final String EXPORTS_FILE_OPTION = "--exports";

    private final Path root;

    private KernelExports(Path root) {
        this.root = root;
    }

    /** Makes the layout in a new directory under {@code parent}. */
    public static KernelExports create(Path parent, int manyCount) throws IOException {
        Files.createDirectories(parent);
        KernelExports e = new KernelExports(Files.createTempDirectory(parent, "kc-exports-"));
        Files.setPosixFilePermissions(e.root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectory(e.noRootSquash());
        Path many = Files.createDirectory(e.noRootSquash().resolve("many"));
        for (int i = 1; i <= manyCount; i++) {
            Files.createFile(many.resolve(String.format("f%05d", i)));
        }
        Files.createDirectory(e.rootSquash());
        // root_squash turns the guest's root into nobody, who must be able to create files here
        Files.setPosixFilePermissions(e.rootSquash(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path rootFile = Files.writeString(e.rootSquash().resolve("rootfile"), "owned by root\n");
        Files.setPosixFilePermissions(rootFile, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(e.exportsFile(), exportsText(e.noRootSquash(), e.rootSquash()));
        return e;
    }

    static String exportsText(Path noRootSquash, Path rootSquash) {
        return "# made by the kernel-client integration tests\n"
                + noRootSquash + " *(rw,no_root_squash)\n"
                + rootSquash + " *(rw)\n";
    }

    public Path root() {
        return root;
    }

    public Path noRootSquash() {
        return root.resolve("rw");
    }

    public Path rootSquash() {
        return root.resolve("squash");
    }

    public Path exportsFile() {
        return root.resolve("exports");
    }

    /**
     * The node's server command: {@code ./handoff serve} in the background, its state in the node's directory
     * (which outlives a restart, as the handle key must), its output appended to the node's server.log.
     */
    public String serverCommand() {
        return serverCommand(exportsFile());
    }

    static String serverCommand(Path exportsFile) {
        return "HANDOFF_NO_BUILD=1 ./handoff serve " + EXPORTS_FILE_OPTION + " '" + exportsFile + "' --state-dir \"$NODE_DIR/state\" &";
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
