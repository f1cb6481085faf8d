package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.LISTED;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ways out of an export: ".." and "." at the root, names carrying "/" or NUL or "..", symbolic links that point
 * outside (served as links, never followed by the server: RFC 1813 §3.3.3 LOOKUP does not cross them), and a
 * directory swapped for such a link between two calls (the handle names the directory itself, so the calls
 * after the swap must land in it, wherever it went, and never outside).
 */
final class EscapeChecks {
    private EscapeChecks() {
    }

    static void run(Session s) throws Exception {
        Path outside = s.tree().export("outside");
        DiskSnapshot outsideBefore = DiskSnapshot.of(outside);
        for (String export : List.of("a", "open", "squash")) {
            s.checks().check("escape.dots-at-root-of-" + export, () -> dots(s, export));
        }
        Opaque root = s.root(LISTED, "a");
        s.checks().check("escape.bad-names-rejected", () -> badNames(s, root));
        s.checks().check("escape.symlink-served-as-link", () -> symlink(s, root));
        s.checks().check("escape.swapped-directory-stays-inside", () -> swapped(s, root));
        s.checks().check("escape.outside-untouched", () -> {
            DiskSnapshot after = DiskSnapshot.of(outside);
            Checks.expect(after.equals(outsideBefore), "outside/ changed: %s", after.differences(outsideBefore));
            return after.entries().size() + " entries unchanged";
        });
    }

    /** LOOKUP ".." and "." at an export's root: the root itself, or an error; never the directory above. */
    private static String dots(Session s, String export) throws Exception {
        Opaque root = s.root(LISTED, export);
        long parent = (Long) Files.getAttribute(s.tree().base(), "unix:ino");
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            long self = Nfs.fileid(nfs.getattr(root), "GETATTR root");
            StringBuilder seen = new StringBuilder();
            for (String name : List.of("..", ".")) {
                RpcReply r = nfs.lookup(root, name);
                if (r.status() != Nfs.OK) {
                    seen.append(name).append(" -> status ").append(r.status()).append("; ");
                    continue;
                }
                Opaque fh = Nfs.found(r, "LOOKUP " + name);
                long id = Nfs.fileid(nfs.getattr(fh), "GETATTR of " + name);
                Checks.expect(id == self && id != parent, "LOOKUP %s at the root of %s gave fileid %d (root %d, "
                        + "directory above %d)", name, export, id, self, parent);
                RpcReply up = nfs.lookup(fh, "outside");
                Checks.expect(up.status() != Nfs.OK, "LOOKUP outside through %s found the unexported directory",
                        name);
                seen.append(name).append(" -> the root; ");
            }
            return seen.toString();
        }
    }

    private static String badNames(Session s, Opaque root) throws Exception {
        Map<String, byte[]> names = Map.of(
                "slash", bytes("sub/../../outside"),
                "slash-to-file", bytes("../outside/secret.txt"),
                "nul", bytes("hello.txt\0/etc/passwd"),
                "dotdot", bytes(".."),
                "absolute", bytes("/etc/passwd"));
        StringBuilder out = new StringBuilder();
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            for (Map.Entry<String, byte[]> n : names.entrySet()) {
                RpcReply create = nfs.create(root, n.getValue());
                Checks.expect(!create.success() || create.status() != Nfs.OK, "CREATE %s succeeded", n.getKey());
                if (!n.getKey().equals("dotdot")) {
                    RpcReply lookup = nfs.lookup(root, n.getValue());
                    Checks.expect(!lookup.success() || lookup.status() != Nfs.OK, "LOOKUP %s succeeded",
                            n.getKey());
                }
                out.append(n.getKey()).append(" CREATE ").append(create).append("; ");
            }
        }
        try (var all = Files.walk(s.tree().base())) {
            List<Path> odd = all.filter(p -> p.getFileName().toString().contains("passwd")
                    || p.getFileName().toString().startsWith("hello.txt") && !p.endsWith("a/hello.txt")).toList();
            Checks.expect(odd.isEmpty(), "files made from bad names: %s", odd);
        }
        return out.toString();
    }

    private static String symlink(Session s, Opaque root) throws Exception {
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            Opaque etc = Nfs.found(nfs.lookup(root, "etc"), "LOOKUP etc");
            String text = Nfs.linkText(nfs.readlink(etc));
            Checks.expect(text.equals("/etc"), "READLINK etc gave %s", text);
            RpcReply through = nfs.lookup(etc, "passwd");
            Checks.expect(through.status() != Nfs.OK, "LOOKUP passwd through the link etc -> /etc succeeded");
            RpcReply read = nfs.read(etc, 4096);
            Checks.expect(read.status() != Nfs.OK, "READ of the link etc succeeded: %s",
                    read.status() == Nfs.OK ? new String(Nfs.data(read), StandardCharsets.UTF_8) : "");
            Opaque out = Nfs.found(nfs.lookup(root, "out"), "LOOKUP out");
            RpcReply secret = nfs.lookup(out, "secret.txt");
            Checks.expect(secret.status() != Nfs.OK, "LOOKUP secret.txt through out -> ../outside succeeded");
            RpcReply create = nfs.create(out, "planted");
            Checks.expect(create.status() != Nfs.OK, "CREATE through the link out -> ../outside succeeded");
            RpcReply mkdir = nfs.mkdir(out, "planted-dir");
            Checks.expect(mkdir.status() != Nfs.OK, "MKDIR through the link out -> ../outside succeeded");
            return "READLINK /etc; LOOKUP through: " + through.status() + ", READ: " + read.status()
                    + ", CREATE through out: " + create.status();
        }
    }

    /**
     * MKDIR d and keep its handle; on disk, d moves away and a link d -> ../outside takes its place; then
     * CREATE, MKDIR, RENAME and LINK into the old handle, and CREATE by the name d from the root.
     */
    private static String swapped(Session s, Opaque root) throws Exception {
        Path a = s.tree().export("a");
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            Opaque d = Nfs.made(nfs.mkdir(root, "swap"), "MKDIR swap");
            Opaque file = Nfs.made(nfs.create(root, "to-move"), "CREATE to-move");
            Files.move(a.resolve("swap"), a.resolve("swap-moved"));
            Files.createSymbolicLink(a.resolve("swap"), Path.of("../outside"));
            int create = nfs.create(d, "c").status();
            int mkdir = nfs.mkdir(d, "m").status();
            int rename = nfs.rename(root, "to-move", d, "r").status();
            int hardLink = nfs.link(file, d, "l").status();
            Opaque byName = Nfs.found(nfs.lookup(root, "swap"), "LOOKUP swap (now a link)");
            int viaLink = nfs.create(byName, "v").status();
            Checks.expect(viaLink != Nfs.OK, "CREATE in the handle of the link swap -> ../outside succeeded");
            for (String n : List.of("c", "m", "r", "l", "v")) {
                Checks.expect(!Files.exists(s.tree().export("outside").resolve(n)), "%s was made in outside/", n);
            }
            return "into the moved directory: CREATE " + create + ", MKDIR " + mkdir + ", RENAME " + rename
                    + ", LINK " + hardLink + "; through the link: " + viaLink;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
