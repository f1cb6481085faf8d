package dev.handoff.nsm.store;

import dev.handoff.nsm.state.NsmSnapshot;
import java.io.IOException;

/**
 * Where the status monitor keeps its {@link NsmSnapshot} between restarts: files in the state directory
 * ({@link NsmStateFiles}), memory, or a store shared by a cluster, which may also keep the state number
 * increasing across its nodes (DESIGN §3). Called under the monitor's lock, so saves arrive in order.
 */
public interface NsmStore {
    /** The last snapshot saved, or {@link NsmSnapshot#EMPTY} when none was. */
    NsmSnapshot load() throws IOException;

    /** Replaces what was saved, all or nothing, and returns only once it is durable. */
    void save(NsmSnapshot snapshot) throws IOException;

    /** Keeps the snapshot in memory only: every start of the process begins again from nothing. */
    static NsmStore inMemory() {
        return new MemoryNsmStore(NsmSnapshot.EMPTY);
    }
}
