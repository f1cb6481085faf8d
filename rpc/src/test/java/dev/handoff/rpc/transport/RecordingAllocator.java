package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap buffers that are all remembered, so that a test can prove every one of them was released: a
 * deterministic leak check, unlike the leak detector, which reports only after a garbage collection.
 */
final class RecordingAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> allocated = new ArrayList<>();
    private long capacityAllocated;

    RecordingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        ByteBuf b = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        allocated.add(b);
        capacityAllocated += initialCapacity;
        return b;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** A buffer holding {@code bytes}, counted like the ones the code under test allocates. */
    ByteBuf wrap(byte[] bytes) {
        return buffer(bytes.length).writeBytes(bytes);
    }

    /** Buffers not yet released. */
    long live() {
        return allocated.stream().filter(b -> b.refCnt() > 0).count();
    }

    /** Bytes allocated so far, each buffer at the capacity it was asked with. */
    long capacityAllocated() {
        return capacityAllocated;
    }

    int count() {
        return allocated.size();
    }

    void assertAllReleased() {
        for (ByteBuf b : allocated) {
            assertThat(b.refCnt()).as("reference count of %s", b).isZero();
        }
    }
}
