package dev.handoff.it.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a directory tree looks like on disk, entry by entry (type, mode, owner, size, modification time and the
 * bytes of small files), read by the checks directly: two snapshots are equal when no call changed anything.
 */
record DiskSnapshot(Map<String, String> entries) {
    static DiskSnapshot of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime,ino",
                        LinkOption.NOFOLLOW_LINKS);
                String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) < 4096
                        ? Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))) : "";
                entries.put(root.relativize(p).toString(), Integer.toOctalString((Integer) a.get("mode")) + " "
                        + a.get("uid") + ":" + a.get("gid") + " " + a.get("size") + " " + a.get("lastModifiedTime")
                        + " " + a.get("ino") + " " + content);
            }
        }
        return new DiskSnapshot(entries);
    }

    /** The entries that differ from {@code before}, for a failure message. */
    String differences(DiskSnapshot before) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> names = new java.util.TreeSet<>(entries.keySet());
        names.addAll(before.entries.keySet());
        for (String n : names) {
            String was = before.entries.get(n);
            String now = entries.get(n);
            if (!java.util.Objects.equals(was, now)) {
                out.append(n.isEmpty() ? "." : n).append(": ").append(was).append(" -> ").append(now).append("; ");
            }
        }
        return out.toString();
    }
}
