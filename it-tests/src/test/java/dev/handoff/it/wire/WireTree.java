package dev.handoff.it.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The file tree the checks run against, made on disk (as root) before the server starts, and the exports file
 * that serves it. Four exports on one file system, all to 127.0.0.1 and {@code insecure} (the client library
 * sends NFS calls from unprivileged ports):
 * <pre>
 *   rw/      rw,no_root_squash   most checks; root may chown and make devices
 *   squash/  rw (root_squash)    a root-owned 0755 directory root cannot write in
 *   ro/      ro,no_root_squash   NFS3ERR_ROFS
 *   gone/    rw,no_root_squash   removed from the exports file later: its handles turn STALE
 *   outside/                     no export: a file the server must never serve
 * </pre>
 * Names the checks create over NFS start with {@code n-}, so they never meet the ones made here.
 */
final class WireTree {
    static final String RW = "rw";
    static final String SQUASH = "squash";
    static final String RO = "ro";
    static final String GONE = "gone";
    static final String OUTSIDE = "outside";

    static final String HELLO = "hello.txt";
    static final String HELLO_TEXT = "hello, world\n";
    /** 10 bytes that SETATTR truncates and extends. */
    static final String ATTR = "attr.txt";
    static final String ATTR_TEXT = "0123456789";
    static final String LINK = "link";
    static final String SUB = "sub";
    static final String FULL = "full";
    /** Root-owned 0755: others may list it, not write in it. */
    static final String LOCKED = "locked";
    /** Root-owned 0700: others may not even look inside. */
    static final String PRIVATE = "private";
    /** Root-owned 0600 file. */
    static final String SECRET = "secret.txt";
    /** Owned by {@link #USER}. */
    static final String OWNED = "owned.txt";
    /** World-writable (01777), where an unprivileged caller may create things. */
    static final String OPEN = "open";
    static final String BIG = "big";
    static final int BIG_ENTRIES = 3000;
    static final String KEPT = "kept.txt";
    static final int USER = 1000;

    private final Path base;

    WireTree(Path base) {
        this.base = base;
    }

    Path base() {
        return base;
    }

    Path export(String name) {
        return base.resolve(name);
    }

    Path rw(String relative) {
        return export(RW).resolve(relative);
    }

    Path stateFile() {
        return base.resolve("wire-state.properties");
    }

    Path exportsFile() {
        return base.resolve("exports");
    }

    /** The names READDIR of {@link #BIG} must return, each exactly once, besides "." and "..". */
    static List<String> bigNames() {
        List<String> names = new ArrayList<>(BIG_ENTRIES);
        for (int i = 0; i < BIG_ENTRIES; i++) {
            names.add(String.format("f%05d", i));
        }
        return names;
    }

    /** The exports file, with or without {@link #GONE}. */
    String exports(boolean withGone) {
        StringBuilder text = new StringBuilder("# NFSv3 wire checks\n");
        text.append(export(RW)).append(" 127.0.0.1(rw,insecure,no_root_squash)\n");
        text.append(export(SQUASH)).append(" 127.0.0.1(rw,insecure)\n");
        text.append(export(RO)).append(" 127.0.0.1(ro,insecure,no_root_squash)\n");
        if (withGone) {
            text.append(export(GONE)).append(" 127.0.0.1(rw,insecure,no_root_squash)\n");
        }
        return text.toString();
    }

    /** Makes the tree; needs root (files owned by {@link #USER}). */
    void create() throws IOException {
        mode(base, "rwxr-xr-x");
        for (String e : List.of(RW, SQUASH, RO, GONE, OUTSIDE)) {
            mode(Files.createDirectory(export(e)), "rwxr-xr-x");
        }
        write(rw(HELLO), HELLO_TEXT, "rw-r--r--");
        write(rw(ATTR), ATTR_TEXT, "rw-r--r--");
        Files.createSymbolicLink(rw(LINK), Path.of(HELLO));
        mode(Files.createDirectory(rw(SUB)), "rwxr-xr-x");
        write(rw(SUB).resolve("inner.txt"), "inner\n", "rw-r--r--");
        mode(Files.createDirectory(rw(FULL)), "rwxr-xr-x");
        write(rw(FULL).resolve("child.txt"), "child\n", "rw-r--r--");
        mode(Files.createDirectory(rw(LOCKED)), "rwxr-xr-x");
        mode(Files.createDirectory(rw(PRIVATE)), "rwx------");
        write(rw(PRIVATE).resolve("inner.txt"), "private\n", "rw-r--r--");
        write(rw(SECRET), "secret\n", "rw-------");
        write(rw(OWNED), "owned\n", "rw-r--r--");
        Files.setAttribute(rw(OWNED), "unix:uid", USER);
        Files.setAttribute(rw(OWNED), "unix:gid", USER);
        Files.createDirectory(rw(OPEN));
        Files.setAttribute(rw(OPEN), "unix:mode", 01777);
        Path big = Files.createDirectory(rw(BIG));
        for (String name : bigNames()) {
            Files.createFile(big.resolve(name));
        }
        Files.createDirectory(export(SQUASH).resolve(OPEN));
        Files.setAttribute(export(SQUASH).resolve(OPEN), "unix:mode", 01777);
        write(export(RO).resolve(HELLO), HELLO_TEXT, "rw-r--r--");
        mode(Files.createDirectory(export(RO).resolve(SUB)), "rwxr-xr-x");
        write(export(GONE).resolve(KEPT), "kept\n", "rw-r--r--");
        write(export(OUTSIDE).resolve(SECRET), "not exported\n", "rw-r--r--");
        Files.writeString(exportsFile(), exports(true));
    }

    private static Path mode(Path path, String permissions) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private static void write(Path path, String text, String permissions) throws IOException {
        Files.writeString(path, text, StandardCharsets.UTF_8);
        mode(path, permissions);
    }
}
