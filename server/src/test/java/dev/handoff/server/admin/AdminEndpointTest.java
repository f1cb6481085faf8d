package dev.handoff.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminEndpointTest {
    @Test
    void hostAndPortBarePortAndBracketedIpv6AreAccepted() {
        assertThat(AdminEndpoint.parse("127.0.0.1:9049")).contains(new AdminEndpoint("127.0.0.1", 9049));
        assertThat(AdminEndpoint.parse("9100")).contains(new AdminEndpoint("127.0.0.1", 9100));
        assertThat(AdminEndpoint.parse("localhost:80")).contains(new AdminEndpoint("localhost", 80));
        assertThat(AdminEndpoint.parse("[::1]:9049")).contains(new AdminEndpoint("::1", 9049));
    }

    @Test
    void portZeroTurnsTheApiOff() {
        assertThat(AdminEndpoint.parse("0")).isEqualTo(Optional.empty());
        assertThat(AdminEndpoint.parse("127.0.0.1:0")).isEqualTo(Optional.empty());
    }

    @Test
    void malformedEndpointsAreRefusedWithTheTextInTheMessage() {
        for (String bad : new String[] {"", "host:", ":9049", "host:port", "::1:9049", "[::1]", "h:70000", "-1"}) {
            assertThatThrownBy(() -> AdminEndpoint.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> AdminEndpoint.parse("::1:9049")).hasMessageContaining("brackets");
    }

    @Test
    void theDefaultIsLoopbackOn9049AndIpv6PrintsInBrackets() {
        assertThat(AdminEndpoint.parse(AdminEndpoint.DEFAULT)).contains(new AdminEndpoint("127.0.0.1", 9049));
        assertThat(new AdminEndpoint("::1", 9049).uri()).isEqualTo("http://[::1]:9049");
        assertThat(new AdminEndpoint("::1", 9049)).hasToString("[::1]:9049");
    }
}
