package dev.handoff.cluster.vip;

import java.util.Objects;

/** A cluster member's stable name (the StatefulSet pod name, or the name in the member list). */
public record NodeId(String name) implements Comparable<NodeId> {
    /** Names travel in the shared table; a bound keeps a corrupt record from growing without end. */
    public static final int MAX_LENGTH = 253;

    public NodeId {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("node name must have 1.." + MAX_LENGTH + " characters");
        }
    }

    @Override
    public int compareTo(NodeId o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
