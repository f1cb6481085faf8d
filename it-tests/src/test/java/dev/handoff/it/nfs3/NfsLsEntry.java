package dev.handoff.it.nfs3;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of libnfs's {@code nfs-ls} (libnfs-utils 4.0): {@code -rw-rw----  1 65534 65534    268435456 name}.
 * nfs-ls has no {@code -l}: it always prints this long form, ids as numbers, from READDIRPLUS attributes.
 * Its type letter exists only for regular files, directories, links and devices; FIFOs and sockets print
 * the nine permission letters alone.
 *
 * @param type '-', 'd', 'l', 'c', 'b', or '?' when nfs-ls printed none
 * @param mode the permission bits as octal would show them (setuid and friends are not printed by nfs-ls)
 */
public record NfsLsEntry(char type, int mode, int links, long uid, long gid, long size, String name) {
    private static final Pattern LINE =
            Pattern.compile("^([-ldcb]?)([-r][-w][-x][-r][-w][-x][-r][-w][-x])\\s+(\\d+)\\s+(-?\\d+)\\s+(-?\\d+)"
                    + "\\s+(-?\\d+) (.+)$");

    /** The entry, or empty for lines that are not entries (errors, the {@code -s} summary, blanks). */
    public static Optional<NfsLsEntry> parse(String line) {
        Matcher m = LINE.matcher(line.stripTrailing());
        if (!m.matches()) {
            return Optional.empty();
        }
        String perms = m.group(2);
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            mode = (mode << 1) | (perms.charAt(i) == '-' ? 0 : 1);
        }
        char type = m.group(1).isEmpty() ? '?' : m.group(1).charAt(0);
        return Optional.of(new NfsLsEntry(type, mode, Integer.parseInt(m.group(3)),
                // nfs-ls prints ids with %d: 4294967294 comes out as -2
                Integer.toUnsignedLong(Integer.parseInt(m.group(4))),
                Integer.toUnsignedLong(Integer.parseInt(m.group(5))), Long.parseLong(m.group(6)), m.group(7)));
    }

    /** Mode in the usual octal notation, e.g. "660". */
    public String octalMode() {
        return Integer.toOctalString(mode);
    }
}
