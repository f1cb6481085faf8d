package dev.handoff.server.exports;

import java.util.ArrayList;
import java.util.List;

/**
 * What one client may do with one export (exports(5), "General Options" and "User ID Mapping").
 *
 * @param readOnly   {@code ro} (the default) or {@code rw}
 * @param rootSquash {@code root_squash} (the default): uid 0 and gid 0 become the anonymous ids
 * @param allSquash  {@code all_squash}: every caller becomes the anonymous user, without supplementary groups
 * @param anonUid    {@code anonuid=}, default 65534 ("nobody")
 * @param anonGid    {@code anongid=}, default 65534
 * @param secure     {@code secure} (the default): calls must come from a source port below 1024
 * @param async      {@code async}; {@code sync} (the default) commits writes before replying
 */
public record ExportOptions(boolean readOnly, boolean rootSquash, boolean allSquash, int anonUid, int anonGid,
                            boolean secure, boolean async) {
    public static final int NOBODY = 65534;
    public static final int ROOT = 0;
    /** exports(5) defaults: {@code ro,sync,root_squash,secure,anonuid=65534,anongid=65534}. */
    public static final ExportOptions DEFAULTS = new ExportOptions(true, true, false, NOBODY, NOBODY, true, false);
    /** What {@code --export DIR} grants: {@code DIR *(rw)}. */
    public static final ExportOptions READ_WRITE = DEFAULTS.withReadOnly(false);

    public ExportOptions withReadOnly(boolean ro) {
        return new ExportOptions(ro, rootSquash, allSquash, anonUid, anonGid, secure, async);
    }

    /**
     * The identity a call runs as, following Linux nfsd ({@code nfsd_setuser}): {@code all_squash} maps
     * everyone to the anonymous ids and drops supplementary groups; {@code root_squash} maps uid 0 and gid 0,
     * including a supplementary group 0, to the anonymous ids and keeps the rest.
     */
    public Identity mapIdentity(int uid, int gid, List<Integer> gids) {
        if (allSquash) {
            return anonymous();
        }
        if (!rootSquash) {
            return new Identity(uid, gid, gids);
        }
        List<Integer> mapped = new ArrayList<>(gids.size());
        for (int g : gids) {
            mapped.add(g == ROOT ? anonGid : g);
        }
        return new Identity(uid == ROOT ? anonUid : uid, gid == ROOT ? anonGid : gid, mapped);
    }

    /** The identity of a caller without credentials (AUTH_NONE), whatever the squash options. */
    public Identity anonymous() {
        return new Identity(anonUid, anonGid, List.of());
    }

    /**
     * The options in exports(5) syntax, naming only what differs from {@link #DEFAULTS} besides the always
     * shown {@code ro}/{@code rw}; parsing the text back gives the same options.
     */
    @Override
    public String toString() {
        List<String> words = new ArrayList<>();
        words.add(readOnly ? "ro" : "rw");
        if (async) {
            words.add("async");
        }
        if (!rootSquash) {
            words.add("no_root_squash");
        }
        if (allSquash) {
            words.add("all_squash");
        }
        if (!secure) {
            words.add("insecure");
        }
        if (anonUid != NOBODY) {
            words.add("anonuid=" + Integer.toUnsignedString(anonUid));
        }
        if (anonGid != NOBODY) {
            words.add("anongid=" + Integer.toUnsignedString(anonGid));
        }
        return String.join(",", words);
    }
}
