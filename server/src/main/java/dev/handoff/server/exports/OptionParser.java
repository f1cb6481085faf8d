package dev.handoff.server.exports;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an option list such as {@code rw,no_root_squash,anonuid=1000} (exports(5), "General Options") on top
 * of a base (the defaults, or the line's {@code -options}). A later option overrides an earlier one, as in
 * exportfs. Options that only tune Linux's own server are accepted and ignored, so that an existing
 * /etc/exports loads; those whose meaning Handoff does not provide are accepted with a warning.
 */
final class OptionParser {
    /** Linux nfsd tuning with nothing to do here. */
    private static final Set<String> IGNORED = Set.of("subtree_check", "no_subtree_check", "wdelay",
            "no_wdelay", "hide", "secure_locks", "auth_nlm");
    /** Accepted, but what they ask for does not happen: worth a warning. */
    private static final Set<String> UNSUPPORTED = Set.of("nohide", "crossmnt", "insecure_locks", "no_auth_nlm",
            "no_acl", "mountpoint", "mp");
    private static final Set<String> VALUED = Set.of("anonuid", "anongid", "fsid", "sec", "mountpoint", "mp");
    private static final long MAX_ID = 0xffff_ffffL;

    /** The options, and the {@code fsid=} if one was given here or in the base. */
    record Applied(ExportOptions options, OptionalInt fsid) {
    }

    private OptionParser() {
    }

    /** The options after {@code list}, or empty when an option is wrong (each problem goes to {@code error}). */
    static Optional<Applied> apply(Applied base, String list, Consumer<String> error, Consumer<String> warning) {
        ExportOptions o = base.options();
        boolean ro = o.readOnly();
        boolean rootSquash = o.rootSquash();
        boolean allSquash = o.allSquash();
        boolean secure = o.secure();
        boolean async = o.async();
        long anonUid = Integer.toUnsignedLong(o.anonUid());
        long anonGid = Integer.toUnsignedLong(o.anonGid());
        OptionalInt fsid = base.fsid();
        boolean ok = true;
        for (String option : list.split(",", -1)) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? null : option.substring(eq + 1);
            if (value != null && !VALUED.contains(key)) {
                ok = false;
                error.accept("option '" + key + "' takes no value: '" + option + "'");
                continue;
            }
            switch (key) {
                case "" -> { } // "rw,,sync" and a trailing comma are harmless
                case "ro" -> ro = true;
                case "rw" -> ro = false;
                case "root_squash" -> rootSquash = true;
                case "no_root_squash" -> rootSquash = false;
                case "all_squash" -> allSquash = true;
                case "no_all_squash" -> allSquash = false;
                case "secure" -> secure = true;
                case "insecure" -> secure = false;
                case "sync" -> async = false;
                case "async" -> async = true;
                case "anonuid", "anongid" -> {
                    long id = number(value, MAX_ID);
                    if (id < 0) {
                        ok = false;
                        error.accept(option + ": must be a number from 0 to " + MAX_ID);
                    } else if (key.equals("anonuid")) {
                        anonUid = id;
                    } else {
                        anonGid = id;
                    }
                }
                case "fsid" -> {
                    // exportfs takes fsid=root for 0; NFSv3 gives 0 no special meaning.
                    long id = "root".equals(value) ? 0 : number(value, ExportIds.MAX_FSID);
                    if (id < 0) {
                        ok = false;
                        error.accept(option + ": must be a number from 0 to " + ExportIds.MAX_FSID
                                + " (UUIDs are not supported)");
                    } else {
                        fsid = OptionalInt.of((int) id);
                    }
                }
                case "sec" -> {
                    if (!"sys".equals(value)) {
                        ok = false;
                        error.accept(option + ": only sec=sys (AUTH_SYS) is supported");
                    }
                }
                default -> {
                    if (UNSUPPORTED.contains(key)) {
                        warning.accept("option '" + option + "' has no effect in Handoff");
                    } else if (!IGNORED.contains(key)) {
                        ok = false;
                        error.accept("unknown option '" + option + "'");
                    }
                }
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Applied(new ExportOptions(ro, rootSquash, allSquash, (int) anonUid, (int) anonGid,
                secure, async), fsid));
    }

    /** A decimal number from 0 to {@code max}, else -1 (also for a missing value). */
    private static long number(String text, long max) {
        if (text == null || text.isEmpty() || text.length() > 10
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long n = Long.parseLong(text);
        return n <= max ? n : -1;
    }
}
