package dev.handoff.it.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files, the exports and the addresses of {@link HostileClientIT}. The server holds {@link #SERVER}; the
 * client namespace holds three addresses: {@link #LISTED} (on every export but {@code b}), {@link #OTHER} (only
 * on {@code a} and {@code b}) and {@link #UNLISTED} (on none).
 * <pre>
 *   a/       LISTED, OTHER (rw,no_root_squash), secure     hello.txt, private.txt (1000, 0600), open/ (01777),
 *                                                          etc -> /etc, out -> ../outside, sub/
 *   b/       OTHER (rw,no_root_squash,insecure)            b.txt
 *   open/    LISTED (rw,insecure,no_root_squash)           o.txt
 *   squash/  LISTED (rw,insecure): root_squash             01777; private.txt (1000, 0600)
 *   allsq/   LISTED (rw,insecure,all_squash,anonuid=4321,anongid=4322)   01777
 *   outside/ not exported                                  secret.txt; must never change or be read
 * </pre>
 */
record HostileTree(Path base) {
    static final String SERVER = "10.91.0.1";
    static final String LISTED = "10.91.0.2";
    static final String UNLISTED = "10.91.0.3";
    static final String OTHER = "10.91.0.4";
    static final int NLM_PORT = 4045;
    static final int NSM_PORT = 662;
    static final int ADMIN_PORT = 9911;
    static final int USER = 1000;
    static final int ANON_UID = 4321;
    static final int ANON_GID = 4322;
    static final String HELLO = "hello from a\n";
    static final String SECRET = "not exported\n";

    Path export(String name) {
        return base.resolve(name);
    }

    Path exportsFile() {
        return base.resolve("exports");
    }

    Path tokenFile() {
        return base.resolve("admin.token");
    }

    String token() throws IOException {
        return Files.readString(tokenFile()).strip();
    }

    static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    static InetSocketAddress server(int port) {
        return new InetSocketAddress(address(SERVER), port);
    }

    String exports() {
        return export("a") + " " + LISTED + "(rw,no_root_squash) " + OTHER + "(rw,no_root_squash)\n"
                + export("b") + " " + OTHER + "(rw,no_root_squash,insecure)\n"
                + export("open") + " " + LISTED + "(rw,insecure,no_root_squash)\n"
                + export("squash") + " " + LISTED + "(rw,insecure)\n"
                + export("allsq") + " " + LISTED + "(rw,insecure,all_squash,anonuid=" + ANON_UID + ",anongid="
                + ANON_GID + ")\n";
    }

    /** Makes the tree as root. */
    void create() throws IOException {
        for (String e : new String[] {"a", "b", "open", "squash", "allsq", "outside"}) {
            mode(Files.createDirectories(export(e)), "rwxr-xr-x");
        }
        mode(base, "rwxr-xr-x");
        write(export("a").resolve("hello.txt"), HELLO, "rw-r--r--");
        write(export("a").resolve("private.txt"), "private of 1000\n", "rw-------");
        Files.setAttribute(export("a").resolve("private.txt"), "unix:uid", USER);
        Files.createDirectory(export("a").resolve("open"));
        Files.setAttribute(export("a").resolve("open"), "unix:mode", 01777);
        Files.createDirectory(export("a").resolve("sub"));
        Files.createSymbolicLink(export("a").resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(export("a").resolve("out"), Path.of("../outside"));
        write(export("b").resolve("b.txt"), "export b\n", "rw-r--r--");
        write(export("open").resolve("o.txt"), "open\n", "rw-r--r--");
        Files.setAttribute(export("squash"), "unix:mode", 01777);
        write(export("squash").resolve("private.txt"), "private of 1000\n", "rw-------");
        Files.setAttribute(export("squash").resolve("private.txt"), "unix:uid", USER);
        Files.setAttribute(export("allsq"), "unix:mode", 01777);
        write(export("outside").resolve("secret.txt"), SECRET, "rw-r--r--");
        Files.writeString(exportsFile(), exports());
        Files.writeString(tokenFile(), "hostile-admin-token-" + Long.toHexString(System.nanoTime()) + "\n");
        mode(tokenFile(), "rw-------");
    }

    private static Path mode(Path path, String permissions) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private static void write(Path path, String text, String permissions) throws IOException {
        Files.writeString(path, text);
        mode(path, permissions);
    }
}
