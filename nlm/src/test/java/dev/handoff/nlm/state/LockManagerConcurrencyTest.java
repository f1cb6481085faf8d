package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-file serialization by compare-and-set, without threads: a store that lets another writer commit between the
 * manager's load and its commit, as another worker or another node would.
 */
class LockManagerConcurrencyTest {

    /** Runs {@code rival} once, just before the first commit it sees. */
    private static final class InterferingStore extends ForwardingLockStore {
        final InMemoryLockStore memory;
        Runnable rival;

        InterferingStore(InMemoryLockStore memory) {
            super(memory);
            this.memory = memory;
        }

        @Override
        public boolean commit(FileLocks expected, FileLocks next) {
            if (rival != null) {
                Runnable r = rival;
                rival = null;
                r.run();
            }
            return inner.commit(expected, next);
        }
    }

    private final InterferingStore store = new InterferingStore(new InMemoryLockStore());
    private final LockManager manager = new LockManager(store, LockConfig.DEFAULT);

    private Result lock(String spec, boolean block) {
        return manager.on(new LockInput.Lock(Harness.FILE, Harness.parse(spec), block, false, Opaque.ofHex("0c"),
                Opaque.EMPTY, Harness.START));
    }

    @Test
    void aLockThatLosesTheRaceIsDecidedAgainOnTheWinnersRecord() {
        store.rival = () -> {
            FileLocks f = store.memory.load(Harness.FILE);
            store.memory.commit(f, f.withLocks(Harness.parseAll("b x 0+10")).withVersion(f.version() + 1));
        };
        Result r = lock("a x 5+10", false);
        assertThat(r.status()).isEqualTo(LockStatus.DENIED);
        assertThat(store.memory.load(Harness.FILE).locks()).containsExactly(Harness.parse("b x 0+10"));
        assertThat(manager.counters().get(Transition.STORE_CONFLICT)).isEqualTo(1);
    }

    @Test
    void effectsComeOnlyFromTheTransitionThatWasCommitted() {
        lock("a x 0+10", false);
        lock("b x 0+10", true);
        // While a's unlock is being computed, b gives up its wait: the retried unlock must not grant it.
        store.rival = () -> {
            FileLocks f = store.memory.load(Harness.FILE);
            store.memory.commit(f, f.withWaiters(List.of()).withVersion(f.version() + 1));
        };
        Result r = manager.on(new LockInput.Unlock(Harness.FILE, Harness.owner("a"), Harness.range("0+10"),
                Harness.START));
        assertThat(r.effects()).isEmpty();
        assertThat(store.memory.isEmpty()).isTrue();
    }
}
