package dev.handoff.server.mount;

import dev.handoff.server.exports.ClientMatcher;
import dev.handoff.server.exports.ClientRule;
import dev.handoff.server.exports.Export;
import dev.handoff.server.exports.ExportTable;
import dev.handoff.server.mount.xdr.ExportEntry;
import dev.handoff.server.mount.xdr.ExportResult;
import dev.handoff.server.mount.xdr.MountCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reply to EXPORT (RFC 1813 appendix I.4.5) as mountd builds it, which {@code showmount -e} prints: every
 * export in file order with its clients as groups, and no groups at all (shown as "(everyone)") when one
 * client is {@code *}. Unlike mountd, it goes only to callers some export lists ({@link MountHandlers#export}):
 * a stranger learns no paths and no client addresses.
 */
final class ExportListing {
    private ExportListing() {
    }

    static ExportResult of(ExportTable table) {
        List<ExportEntry> entries = new ArrayList<>();
        for (Export export : table.exports()) {
            String dir = export.path().toString();
            // A path MNT could never name (longer than dirpath allows) is not listed either.
            if (fits(dir, MountCodec.MNTPATHLEN)) {
                entries.add(new ExportEntry(dir, groups(export)));
            }
        }
        return new ExportResult(entries);
    }

    private static List<String> groups(Export export) {
        Set<String> groups = new LinkedHashSet<>();
        for (ClientRule rule : export.rules()) {
            if (rule.matcher() instanceof ClientMatcher.Any) {
                return List.of();
            }
            String spec = rule.matcher().spec();
            if (fits(spec, MountCodec.MNTNAMLEN)) {
                groups.add(spec);
            }
        }
        return List.copyOf(groups);
    }

    private static boolean fits(String s, int maxBytes) {
        return s.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }
}
