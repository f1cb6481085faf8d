package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ScratchArenaTest {
    @Test
    void memoryIsZeroedEvenWhereAnEarlierCallLeftBytes() {
        long address;
        try (Arena a = ScratchArena.open()) {
            MemorySegment s = a.allocate(64);
            s.fill((byte) 0x5A);
            address = s.address();
        }
        try (Arena b = ScratchArena.open()) {
            MemorySegment s = b.allocate(64);
            assertThat(s.address()).as("the same block is reused").isEqualTo(address);
            assertThat(s.toArray(JAVA_BYTE)).containsOnly((byte) 0);
        }
    }

    @Test
    void nestedLevelsKeepTheirMemoryUntilTheirOwnClose() {
        try (Arena outer = ScratchArena.open()) {
            MemorySegment kept = outer.allocate(JAVA_LONG);
            kept.set(JAVA_LONG, 0, 42L);
            try (Arena inner = ScratchArena.open()) {
                MemorySegment scratch = inner.allocate(JAVA_LONG);
                scratch.set(JAVA_LONG, 0, -1L);
                assertThat(scratch.address()).isNotEqualTo(kept.address());
            }
            MemorySegment next = outer.allocate(JAVA_LONG);
            assertThat(kept.get(JAVA_LONG, 0)).isEqualTo(42L);
            assertThat(next.get(JAVA_LONG, 0)).isZero();
        }
    }

    @Test
    void honoursAlignment() {
        try (Arena a = ScratchArena.open()) {
            a.allocate(3);
            assertThat(a.allocate(JAVA_INT).address() % 4).isZero();
            a.allocate(1);
            assertThat(a.allocate(16, 16).address() % 16).isZero();
            assertThat(a.allocate(64, 64).address() % 64).as("larger alignments come from a confined arena").isZero();
        }
    }

    @Test
    void aRequestLargerThanTheBlockIsServedAndFreedWithItsLevel() {
        MemorySegment big;
        try (Arena a = ScratchArena.open()) {
            big = a.allocate(ScratchArena.BLOCK_SIZE * 4);
            big.set(JAVA_BYTE, big.byteSize() - 1, (byte) 1);
            assertThat(big.byteSize()).isEqualTo(ScratchArena.BLOCK_SIZE * 4);
        }
        assertThat(big.scope().isAlive()).isFalse();
    }

    @Test
    void isNotSharedWithOtherThreads() throws Exception {
        try (Arena mine = ScratchArena.open(); var pool = Executors.newSingleThreadExecutor()) {
            CompletableFuture<Throwable> theirs = CompletableFuture.supplyAsync(() -> {
                try {
                    mine.allocate(8);
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }, pool);
            assertThat(theirs.get()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingMoreOftenThanOpeningIsABug() {
        Arena a = ScratchArena.open();
        a.close();
        assertThatThrownBy(a::close).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void virtualThreadsGetAConfinedArenaOfTheirOwn() throws Exception {
        Thread t = Thread.ofVirtual().start(() -> {
            try (Arena a = ScratchArena.open()) {
                assertThat(a).isNotInstanceOf(ScratchArena.class);
                a.allocate(8);
            }
        });
        t.join();
    }
}
