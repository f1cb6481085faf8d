package dev.handoff.rpc.dispatch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An ONC RPC program (NFS, MOUNT, NLM, NSM, rpcbind): its number, name and versions. */
public final class RpcProgram {
    private final int number;
    private final String name;
    private final TreeMap<Integer, ProgramVersion> versions = new TreeMap<>();

    public RpcProgram(int number, String name, List<ProgramVersion> versions) {
        this.number = number;
        this.name = name;
        for (ProgramVersion v : versions) {
            if (this.versions.put(v.version(), v) != null) {
                throw new IllegalArgumentException(name + " lists version " + v.version() + " twice");
            }
        }
        if (this.versions.isEmpty()) {
            throw new IllegalArgumentException(name + " has no versions");
        }
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public ProgramVersion version(int version) {
        return versions.get(version);
    }

    public Map<Integer, ProgramVersion> versions() {
        return java.util.Collections.unmodifiableMap(versions);
    }

    public int lowestVersion() {
        return versions.firstKey();
    }

    public int highestVersion() {
        return versions.lastKey();
    }
}
