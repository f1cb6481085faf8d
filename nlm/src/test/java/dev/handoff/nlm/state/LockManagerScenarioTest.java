package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden scenario scripts under {@value LockScenarios#SCRIPTS} against the in-memory table. Run with
 * {@code -Dhandoff.rewrite=true} to write the actual output back into the files, then review the diff.
 */
class LockManagerScenarioTest {
    private static final Path DIR = Path.of(LockScenarios.SCRIPTS);

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
    }

    private static void check(Path file) throws IOException {
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        String actual = LockScenarios.replay(expected, config -> target(new Harness(config)));
        if (Boolean.getBoolean("handoff.rewrite")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static LockScenarios.Target target(Harness h) {
        return new LockScenarios.Target() {
            @Override
            public Result on(LockInput input) {
                return h.on(input);
            }

            @Override
            public FileLocks load(FileKey file) {
                return h.store.load(file);
            }

            @Override
            public boolean storeEmpty() {
                return h.store.isEmpty();
            }

            @Override
            public Map<String, Long> counters() {
                return h.manager.counters().snapshot();
            }
        };
    }
}
