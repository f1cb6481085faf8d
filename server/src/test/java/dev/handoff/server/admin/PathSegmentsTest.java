package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {
    @Test
    void segmentsAfterThePrefixAreDecodedOneByOne() {
        assertThat(PathSegments.after("/v1/vips/10.0.3.100%2F24/move", "/v1/vips/", 2))
                .contains(List.of("10.0.3.100/24", "move"));
        assertThat(PathSegments.after("/v1/vips/a+b%20c/move", "/v1/vips/", 2)).contains(List.of("a+b c", "move"));
    }

    @Test
    void anotherPrefixCountEmptyOrBrokenSegmentIsNoMatch() {
        assertThat(PathSegments.after("/v1/nodes/n/drain", "/v1/vips/", 2)).isEmpty();
        assertThat(PathSegments.after("/v1/vips/v/move/x", "/v1/vips/", 2)).isEmpty();
        assertThat(PathSegments.after("/v1/vips/v", "/v1/vips/", 2)).isEmpty();
        assertThat(PathSegments.after("/v1/vips//move", "/v1/vips/", 2)).isEmpty();
        assertThat(PathSegments.after("/v1/vips/v/", "/v1/vips/", 2)).isEmpty();
        assertThat(PathSegments.after("/v1/vips/%g1/move", "/v1/vips/", 2)).isEmpty();
    }

    @Test
    void queryParametersAreFoundByDecodedNameAndEncodeRoundTrips() {
        assertThat(PathSegments.queryParameter("x=1&to=node%202", "to")).contains("node 2");
        assertThat(PathSegments.queryParameter("to", "to")).contains("");
        assertThat(PathSegments.queryParameter("x=1", "to")).isEmpty();
        assertThat(PathSegments.queryParameter(null, "to")).isEmpty();
        String odd = "fd00::1/64 +&=%";
        assertThat(PathSegments.queryParameter("to=" + PathSegments.encode(odd), "to")).contains(odd);
    }
}
