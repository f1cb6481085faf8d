package dev.handoff.it.torture;

/**
 * One line of the VIP watcher's address events (lib/vip-watch.sh, {@code vip-events.log}: "EPOCH NODE
 * init|add|del", stamped as each node's {@code ip monitor} reported it). Lines of other shapes ("EPOCH watch")
 * parse to null.
 */
record VipAddressEvent(String vip, double epoch, String node, boolean holds) {

    static VipAddressEvent parse(String vip, String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 3 || !(f[2].equals("add") || f[2].equals("init") || f[2].equals("del"))) {
            return null;
        }
        return new VipAddressEvent(vip, Double.parseDouble(f[0]), f[1], !f[2].equals("del"));
    }

    @Override
    public String toString() {
        return String.format("%s at %.6f node %s %s", vip, epoch, node, holds ? "add" : "del");
    }
}
