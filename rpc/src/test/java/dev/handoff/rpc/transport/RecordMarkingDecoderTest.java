package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5531 §11 record marking fed as a hostile or unlucky network would feed it; no buffer may leak. */
class RecordMarkingDecoderTest {
    private static final int MAX = 1024;
    private static final int LAST = 0x8000_0000;

    private final RecordingAllocator alloc = new RecordingAllocator();
    private final List<Throwable> failures = new ArrayList<>();
    /** The decoder with what the server puts after it: a handler that closes the connection on a failure. */
    private EmbeddedChannel channel = channel(new RecordMarkingDecoder(MAX));

    private EmbeddedChannel channel(RecordMarkingDecoder decoder) {
        EmbeddedChannel c = new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                failures.add(cause);
                ctx.close();
            }
        });
        c.config().setAllocator(alloc);
        return c;
    }

    @AfterEach
    void nothingIsLeftOverAndEveryBufferIsReleased() {
        if (channel.isOpen()) {
            assertThat(channel.finish()).as("records left unread").isFalse();
        }
        alloc.assertAllReleased();
    }

    /** A stream of fragments; each int[] entry is {last ? 1 : 0, length}, payload bytes count up from seed. */
    private static byte[] stream(int seed, int[]... fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] f : fragments) {
            out.writeBytes(ByteBuffer.allocate(4).putInt((f[0] == 1 ? LAST : 0) | f[1]).array());
            for (int i = 0; i < f[1]; i++) {
                out.write(seed++);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static String payload(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i);
        }
        return ByteBufUtil.hexDump(b);
    }

    /** Writes {@code bytes} cut at the given offsets and returns the records that came out, as hex. */
    private List<String> feed(byte[] bytes, int... cuts) {
        int from = 0;
        for (int cut : cuts) {
            channel.writeInbound(alloc.wrap(Arrays.copyOfRange(bytes, from, cut)));
            from = cut;
        }
        channel.writeInbound(alloc.wrap(Arrays.copyOfRange(bytes, from, bytes.length)));
        return drain();
    }

    private List<String> drain() {
        List<String> records = new ArrayList<>();
        for (ByteBuf r; (r = channel.readInbound()) != null; ) {
            assertThat(r).as("a record is one contiguous buffer").isNotInstanceOf(CompositeByteBuf.class);
            records.add(ByteBufUtil.hexDump(r));
            r.release();
        }
        return records;
    }

    @Test
    void aRecordInOneFragmentIsPassedOn() {
        assertThat(feed(stream(1, new int[] {1, 9}))).containsExactly(payload(1, 9));
    }

    @Test
    void recordsSplitAtEveryByteBoundaryComeOutWhole() {
        assertWholeAtEveryCut(mixed(), 3, MIXED_RECORDS);
    }

    /** A one-fragment record, one of three fragments (one empty), and another one-fragment record. */
    private static byte[] mixed() {
        return concat(stream(1, new int[] {1, 9}),
                stream(20, new int[] {0, 3}, new int[] {0, 0}, new int[] {1, 5}),
                stream(40, new int[] {1, 4}));
    }

    private static final List<String> MIXED_RECORDS = List.of(payload(1, 9), payload(20, 8), payload(40, 4));

    /**
     * Feeds {@code bytes} cut once anywhere, cut twice (the second cut every {@code step} bytes from the first on),
     * and cut at every byte; the same records must come out each time.
     */
    private void assertWholeAtEveryCut(byte[] bytes, int step, List<String> expected) {
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(feed(bytes, cut)).as("cut at %d", cut).isEqualTo(expected);
        }
        for (int first = 1; first < bytes.length; first++) {
            for (int second = first; second <= bytes.length; second += step) {
                assertThat(feed(bytes, first, second)).as("cut at %d and %d", first, second).isEqualTo(expected);
            }
        }
        int[] everyByte = new int[bytes.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        assertThat(feed(bytes, everyByte)).isEqualTo(expected);
    }

    @Test
    void recordsCopiedAsTheirBytesArriveComeOutWholeAtEveryCut() {
        channel.finishAndReleaseAll();
        channel = channel(new RecordMarkingDecoder(MAX, 2)); // a fragment's copy starts once 2 bytes are here
        assertWholeAtEveryCut(mixed(), 1, MIXED_RECORDS);
    }

    @Test
    void aLargeRecordArrivingOverManyReadsIsCopiedOnceIntoABufferOfItsSize() {
        channel.finishAndReleaseAll();
        int size = 1 << 20;
        channel = channel(new RecordMarkingDecoder(2 * size));
        byte[] bytes = stream(3, new int[] {1, size});
        int piece = 16 * 1024;
        int[] cuts = new int[bytes.length / piece];
        Arrays.setAll(cuts, i -> (i + 1) * piece);
        long before = alloc.capacityAllocated();
        assertThat(feed(bytes, cuts)).containsExactly(payload(3, size));
        long allocatedByDecoder = alloc.capacityAllocated() - before - bytes.length; // the pieces fed
        // The record's own buffer and the input gathered before its copy starts (64 KiB, in doubling steps);
        // left to accumulate, the input buffer grew to the record's size in doublings, about twice the record.
        assertThat(allocatedByDecoder).isBetween((long) size, size + 4L * RecordMarkingDecoder.COPY_FROM);
    }

    @Test
    void fragmentsAreJoinedIntoOneRecord() {
        assertThat(feed(stream(0, new int[] {0, 3}, new int[] {0, 5}, new int[] {1, 2})))
                .containsExactly(payload(0, 10));
    }

    @Test
    void zeroLengthFragmentsAddNothing() {
        assertThat(feed(stream(7, new int[] {0, 0}, new int[] {0, 0}, new int[] {1, 3})))
                .containsExactly(payload(7, 3));
        assertThat(feed(stream(7, new int[] {0, 2}, new int[] {1, 0}))).containsExactly(payload(7, 2));
        assertThat(feed(stream(0, new int[] {1, 0}))).as("an empty record").containsExactly("");
    }

    @Test
    void aFloodOfTinyFragmentsIsBoundedByTheRecordSize() {
        int[][] fragments = new int[20_000][];
        Arrays.fill(fragments, new int[] {0, 0});
        int[][] ones = new int[MAX][];
        Arrays.fill(ones, new int[] {0, 1});
        ones[MAX - 1] = new int[] {1, 1};
        assertThat(feed(concat(stream(0, fragments), stream(0, ones)))).containsExactly(payload(0, MAX));
        assertThat(alloc.count()).as("input, record").isEqualTo(2);
    }

    @Test
    void aRecordOfExactlyTheLimitIsAccepted() {
        assertThat(feed(stream(0, new int[] {1, MAX}))).containsExactly(payload(0, MAX));
        assertThat(feed(stream(0, new int[] {0, MAX - 1}, new int[] {1, 1}))).containsExactly(payload(0, MAX));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7FFF_FFFF, 0xFFFF_FFFF, MAX + 1, LAST | (MAX + 1), 0x4000_0000})
    void aFragmentOverTheLimitClosesTheChannelWithoutBufferingIt(int header) {
        ByteBuf in = alloc.wrap(concat(ByteBuffer.allocate(4).putInt(header).array(), new byte[64],
                stream(0, new int[] {1, 4})));
        channel.writeInbound(in);
        assertThat(failures).singleElement().isInstanceOf(TooLongFrameException.class)
                .extracting(Throwable::getMessage).asString().contains("exceeds the limit of " + MAX);
        assertThat(channel.isOpen()).isFalse();
        assertThat(drain()).as("the record after the bad header is not decoded").isEmpty();
        assertThat(in.refCnt()).isZero();
        assertThat(alloc.count()).as("only the input was allocated").isEqualTo(1);
    }

    @Test
    void fragmentsThatAddUpPastTheLimitCloseTheChannelAndReleaseThePartialRecord() {
        byte[] bytes = stream(0, new int[] {0, 600}, new int[] {1, 600});
        channel.writeInbound(alloc.wrap(Arrays.copyOf(bytes, 604)));
        channel.writeInbound(alloc.wrap(Arrays.copyOfRange(bytes, 604, bytes.length)));
        assertThat(failures).singleElement().isInstanceOf(TooLongFrameException.class)
                .extracting(Throwable::getMessage).asString().contains("1200 bytes");
        assertThat(channel.isOpen()).isFalse();
        assertThat(drain()).isEmpty();
    }

    @Test
    void aRecordCutByTheConnectionClosingIsReleased() {
        channel.writeInbound(alloc.wrap(stream(0, new int[] {0, 10}, new int[] {1, 10})), alloc.wrap(new byte[0]));
        assertThat(drain()).containsExactly(payload(0, 20));
        channel.writeInbound(alloc.wrap(Arrays.copyOf(stream(0, new int[] {0, 10}, new int[] {1, 10}), 20)));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aNonPositiveLimitIsRefused() {
        assertThatThrownBy(() -> new RecordMarkingDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
