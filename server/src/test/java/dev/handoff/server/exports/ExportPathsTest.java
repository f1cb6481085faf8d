package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportPathsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/, /", "//, /", "/srv, /srv", "/srv/, /srv", "//srv///a//, /srv/a", "/a b/c, /a b/c",
            "/srv/.hidden, /srv/.hidden", "/srv/..., /srv/..."})
    void normalizesSlashes(String text, String expected) {
        assertThat(ExportPaths.normalize(text)).contains(Path.of(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "srv", "./srv", "/srv/..", "/srv/./a", "/../etc", "/a\0b"})
    void refusesRelativePathsDotsAndNul(String text) {
        assertThat(ExportPaths.normalize(text)).isEmpty();
    }
}
