package dev.handoff.server.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.mount.xdr.MountEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountListTest {
    /** Remembers every save; fails saving while {@code failing}. */
    private static final class RecordingStore implements MountListStore {
        final List<MountEntry> initial;
        final List<List<MountEntry>> saves = new ArrayList<>();
        boolean failing;

        RecordingStore(List<MountEntry> initial) {
            this.initial = initial;
        }

        @Override
        public List<MountEntry> load() {
            return initial;
        }

        @Override
        public void save(List<MountEntry> mounts) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            saves.add(mounts);
        }
    }

    private static MountEntry entry(String host, String dir) {
        return new MountEntry(host, dir);
    }

    @Test
    void startsWithWhatTheStoreSavedAndSavesEveryChange() {
        RecordingStore store = new RecordingStore(List.of(entry("10.0.0.1", "/a")));
        MountList list = new MountList(10, store);

        list.add("10.0.0.2", "/b");
        list.remove("10.0.0.1", "/a");

        assertThat(list.entries()).containsExactly(entry("10.0.0.2", "/b"));
        assertThat(store.saves).containsExactly(
                List.of(entry("10.0.0.1", "/a"), entry("10.0.0.2", "/b")),
                List.of(entry("10.0.0.2", "/b")));
    }

    @Test
    void changesThatChangeNothingAreNotSaved() {
        RecordingStore store = new RecordingStore(List.of(entry("10.0.0.1", "/a")));
        MountList list = new MountList(10, store);

        list.add("10.0.0.1", "/a");
        list.remove("10.0.0.1", "/other");
        list.removeHost("10.0.0.9");

        assertThat(store.saves).isEmpty();
    }

    @Test
    void removeHostForgetsEveryMountOfThatHostOnly() {
        MountList list = MountList.inMemory();
        list.add("10.0.0.1", "/a");
        list.add("10.0.0.2", "/a");
        list.add("10.0.0.1", "/b");

        list.removeHost("10.0.0.1");

        assertThat(list.entries()).containsExactly(entry("10.0.0.2", "/a"));
    }

    @Test
    void pastItsCapacityTheOldestMountsAreForgotten() {
        RecordingStore store = new RecordingStore(List.of(entry("h1", "/1"), entry("h2", "/2"), entry("h3", "/3")));
        MountList list = new MountList(2, store);
        assertThat(list.entries()).as("a saved list longer than the capacity keeps its newest")
                .containsExactly(entry("h2", "/2"), entry("h3", "/3"));

        list.add("h4", "/4");

        assertThat(list.entries()).containsExactly(entry("h3", "/3"), entry("h4", "/4"));
    }

    @Test
    void aFailedSaveKeepsTheChangeAndTheNextChangeSavesIt() {
        RecordingStore store = new RecordingStore(List.of());
        MountList list = new MountList(10, store);
        store.failing = true;
        list.add("h1", "/1");
        store.failing = false;
        list.add("h2", "/2");

        assertThat(store.saves).containsExactly(List.of(entry("h1", "/1"), entry("h2", "/2")));
    }

    @Test
    void anUnreadableStoreGivesAnEmptyList() {
        MountList list = new MountList(10, new MountListStore() {
            @Override
            public List<MountEntry> load() throws IOException {
                throw new IOException("corrupt");
            }

            @Override
            public void save(List<MountEntry> mounts) {
            }
        });
        assertThat(list.entries()).isEmpty();
    }
}
