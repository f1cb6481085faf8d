package dev.handoff.server.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallScopeTest {
    @Test
    void keepsUpToItsCapacityAndClosesNewestFirst() {
        List<String> closed = new ArrayList<>();
        try (CallScope scope = CallScope.begin()) {
            assertThat(CallScope.current()).isSameAs(scope);
            for (int i = 0; i < CallScope.CAPACITY; i++) {
                String name = "v" + i;
                assertThat(scope.keep("k" + i, () -> closed.add(name))).isTrue();
            }
            assertThat(scope.keep("one more", () -> closed.add("never"))).isFalse();
            assertThat(scope.<AutoCloseable>get("k3")).isNotNull();
            assertThat(scope.<AutoCloseable>get("other")).isNull();
        }
        assertThat(closed).hasSize(CallScope.CAPACITY).startsWith("v7").endsWith("v0");
        assertThat(CallScope.current()).isNull();
    }

    @Test
    void anInnerBeginJoinsTheOuterScope() {
        List<String> closed = new ArrayList<>();
        try (CallScope outer = CallScope.begin()) {
            try (CallScope inner = CallScope.begin()) {
                assertThat(CallScope.current()).isSameAs(outer);
                outer.keep("k", () -> closed.add("k"));
            }
            assertThat(closed).isEmpty();
        }
        assertThat(closed).containsExactly("k");
    }

    @Test
    void closesEverythingEvenWhenOneFailsThenSaysSo() {
        List<String> closed = new ArrayList<>();
        CallScope scope = CallScope.begin();
        scope.keep("a", () -> closed.add("a"));
        scope.keep("b", () -> {
            throw new IllegalStateException("EBADF");
        });
        scope.keep("c", () -> closed.add("c"));
        assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("EBADF");
        assertThat(closed).containsExactly("c", "a");
        assertThat(CallScope.current()).isNull();
    }
}
