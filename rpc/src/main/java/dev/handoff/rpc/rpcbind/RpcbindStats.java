package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.rpcbind.xdr.RpcbStat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters RPCBPROC_GETSTAT reports (RFC 1833 §2.2 {@code rpcb_stat_byvers}), one set per rpcbind version
 * 2, 3 and 4. Lookup statistics are bounded: past {@link #MAX_LOOKUP_KEYS} distinct (program, version, netid)
 * keys per version, new keys are not counted, so a caller asking for random programs cannot grow them.
 * Thread-safe.
 */
final class RpcbindStats {
    static final int MAX_LOOKUP_KEYS = 256;
    private static final int LOWEST_VERSION = 2;

    private record LookupKey(int program, int version, String netid) {
    }

    private final int[][] calls = new int[RpcbStat.VERSIONS][RpcbStat.PROCEDURES];
    private final int[] sets = new int[RpcbStat.VERSIONS];
    private final int[] unsets = new int[RpcbStat.VERSIONS];
    private final List<Map<LookupKey, int[]>> lookups = new ArrayList<>();

    RpcbindStats() {
        for (int i = 0; i < RpcbStat.VERSIONS; i++) {
            lookups.add(new LinkedHashMap<>());
        }
    }

    private static int index(int rpcbindVersion) {
        int i = rpcbindVersion - LOWEST_VERSION;
        if (i < 0 || i >= RpcbStat.VERSIONS) {
            throw new IllegalArgumentException("no statistics for rpcbind version " + rpcbindVersion);
        }
        return i;
    }

    synchronized void called(int rpcbindVersion, int procedure) {
        if (procedure >= 0 && procedure < RpcbStat.PROCEDURES) {
            calls[index(rpcbindVersion)][procedure]++;
        }
    }

    /** Like rpcbind, only successful changes count. */
    synchronized void changed(int rpcbindVersion, boolean set, boolean succeeded) {
        if (succeeded) {
            (set ? sets : unsets)[index(rpcbindVersion)]++;
        }
    }

    synchronized void lookedUp(int rpcbindVersion, int program, int version, String netid, boolean found) {
        Map<LookupKey, int[]> byKey = lookups.get(index(rpcbindVersion));
        LookupKey key = new LookupKey(program, version, netid);
        int[] counts = byKey.get(key);
        if (counts == null) {
            if (byKey.size() >= MAX_LOOKUP_KEYS) {
                return;
            }
            counts = new int[2];
            byKey.put(key, counts);
        }
        counts[found ? 0 : 1]++;
    }

    synchronized List<RpcbStat> snapshot() {
        List<RpcbStat> result = new ArrayList<>(RpcbStat.VERSIONS);
        for (int i = 0; i < RpcbStat.VERSIONS; i++) {
            List<RpcbStat.AddrStat> addr = new ArrayList<>();
            lookups.get(i).forEach((k, c) -> addr.add(new RpcbStat.AddrStat(k.program(), k.version(), c[0], c[1],
                    k.netid())));
            result.add(new RpcbStat(Arrays.stream(calls[i]).boxed().toList(), sets[i], unsets[i], addr, List.of()));
        }
        return result;
    }
}
