package dev.handoff.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockScenarios;
import dev.handoff.nlm.state.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The nlm module's golden lock manager scenarios, replayed against a lock table shared by two real members, each
 * command on the other member from the one before: the output must match the single-node golden output exactly.
 * The scripts and their runner come from the nlm module, so both modules test against one set of scripts.
 */
class SharedLockScenarioTest {
    private static final Path DIR = Path.of("../nlm").resolve(LockScenarios.SCRIPTS);
    private static final int MEMBERS = 2;
    private static Members members;

    @BeforeAll
    static void start() {
        members = Members.start(MEMBERS, HazelcastReplyCache.Settings.DEFAULT);
    }

    @AfterAll
    static void stop() {
        members.close();
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(scripts).as("scenario scripts in " + DIR.toAbsolutePath()).isNotEmpty();
            return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                String expected = Files.readString(p, StandardCharsets.UTF_8);
                assertThat(LockScenarios.replay(expected, SharedTable::new)).isEqualTo(expected);
            }));
        }
    }

    /** One lock table in Hazelcast, driven through each member's own lock manager in turn. */
    private static final class SharedTable implements LockScenarios.Target {
        private final List<HazelcastLockStore> stores = new ArrayList<>();
        private final List<LockManager> managers = new ArrayList<>();
        private int turn;

        SharedTable(LockConfig config) {
            members.get(0).getMap(HazelcastLockStore.LOCK_MAP).clear();
            members.get(0).getMap(HazelcastLockStore.GRACE_MAP).clear();
            for (int i = 0; i < MEMBERS; i++) {
                HazelcastLockStore store = new HazelcastLockStore(members.get(i), MEMBERS / 2 + 1);
                stores.add(store);
                managers.add(new LockManager(store, config));
            }
        }

        @Override
        public Result on(LockInput input) {
            return managers.get(turn++ % MEMBERS).on(input);
        }

        /** The record as the next member reads it. */
        @Override
        public FileLocks load(FileKey file) {
            return stores.get(turn++ % MEMBERS).load(file);
        }

        @Override
        public boolean storeEmpty() {
            return stores.getFirst().fileCount() == 0;
        }

        /** Summed over the members' managers. */
        @Override
        public Map<String, Long> counters() {
            Map<String, Long> sum = new TreeMap<>();
            managers.forEach(m -> m.counters().snapshot().forEach((k, v) -> sum.merge(k, v, Long::sum)));
            return sum;
        }
    }
}
