package dev.handoff.nsm.store;

import dev.handoff.nsm.state.NsmSnapshot;
import java.util.Objects;

/** An {@link NsmStore} in memory: for tests, and for a server run without a state directory. */
public final class MemoryNsmStore implements NsmStore {
    private volatile NsmSnapshot saved;

    public MemoryNsmStore(NsmSnapshot initial) {
        this.saved = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public NsmSnapshot load() {
        return saved;
    }

    @Override
    public void save(NsmSnapshot snapshot) {
        saved = Objects.requireNonNull(snapshot, "snapshot");
    }
}
