package dev.handoff.server.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*.example.com, a.example.com, true",
            "*.example.com, a.b.example.com, true",
            "*.example.com, example.com, false",
            "*.example.com, A.EXAMPLE.com, true",
            "host?, host1, true",
            "host?, host12, false",
            "host[0-3], host2, true",
            "host[0-3], host4, false",
            "host[!0-3], host4, true",
            "host[^0-3], host2, false",
            "host[]x], host], true",
            "a*b*c*d, aXbYcZd, true",
            "a*b*c*d, aXbYcZ, false",
            "*, anything.at.all, true",
            "*a*a*a*a*a*b, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, false",
    })
    void matchesLikeExportsWildcards(String pattern, String name, boolean expected) {
        assertThat(Glob.matches(pattern, name)).isEqualTo(expected);
    }
}
