package dev.handoff.it.torture;

import java.util.List;

/**
 * One line of the VIP watcher's samples (lib/vip-watch.sh, {@code vip-samples.log}: "EPOCH n1,n2" whenever the
 * set of nodes holding the address changed, confirmed by a second look when two held it).
 */
record VipSample(String vip, String epoch, List<String> holders) {
    VipSample {
        holders = List.copyOf(holders);
    }

    static VipSample parse(String vip, String line) {
        String[] f = line.strip().split("\\s+", 2);
        String who = f.length > 1 ? f[1] : "none";
        return new VipSample(vip, f[0], who.equals("none") ? List.of() : List.of(who.split(",")));
    }

    @Override
    public String toString() {
        return vip + " at " + epoch + " on " + (holders.isEmpty() ? "none" : String.join(",", holders));
    }
}
