package dev.handoff.cluster.vip;

import java.util.Objects;

/** A virtual IP as configured (an address literal or a name); the key of the shared VIP table. */
public record VipId(String name) implements Comparable<VipId> {
    public static final int MAX_LENGTH = 253;

    public VipId {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("VIP name must have 1.." + MAX_LENGTH + " characters");
        }
    }

    @Override
    public int compareTo(VipId o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
