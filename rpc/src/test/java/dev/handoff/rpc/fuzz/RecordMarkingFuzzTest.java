package dev.handoff.rpc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.transport.RecordMarkingDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 5531 §11 record marking over TCP: a stream cut into chunks of a fuzzed size goes through
 * {@link RecordMarkingDecoder} in an {@link EmbeddedChannel}. The records it emits must be exactly those a
 * straightforward reading of the fragment headers gives; a record over the limit must close the channel with
 * {@link TooLongFrameException} and nothing after it may come out. Input: byte 0 the chunk size (1 to 256),
 * the rest the stream.
 */
@Tag("long-form")
class RecordMarkingFuzzTest {
    static {
        FuzzLeaks.install();
    }

    /**
     * What this harness itself allocates per chunk written (the chunk's buffer, the channel's bookkeeping of a
     * write and a read): 115 to 130 bytes measured on JDK 25, here with room to spare. It is linear in the
     * input, as the bound is.
     */
    private static final long HARNESS_PER_CHUNK = 320;

    /** Small, so that fuzzed headers cross it often; real client records (a WRITE of 1 MiB) do too. */
    private static final int MAX_RECORD = 16 * 1024;

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("rpc");

    @FuzzTest
    void recordsAreReassembledOrTheStreamIsRefused(byte[] input) {
        RUN.count();
        if (input.length < 1) {
            return;
        }
        int chunk = (input[0] & 0xff) + 1;
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        long chunks = (stream.length + chunk - 1) / chunk;
        FuzzChecks.withinAllocationBound(input.length, HARNESS_PER_CHUNK * chunks, () -> check(stream, chunk));
        FuzzLeaks.assertNone();
    }

    private static void check(byte[] stream, int chunk) {
        Expected expected = expected(stream);
        EmbeddedChannel channel = new EmbeddedChannel(new RecordMarkingDecoder(MAX_RECORD));
        channel.config().setAllocator(FuzzChecks.ALLOC);
        boolean refused = false;
        for (int at = 0; at < stream.length && !refused; at += chunk) {
            ByteBuf piece = FuzzChecks.ALLOC.heapBuffer(chunk)
                    .writeBytes(stream, at, Math.min(chunk, stream.length - at));
            try {
                channel.writeInbound(piece);
            } catch (TooLongFrameException e) {
                refused = true;
            }
        }
        List<byte[]> got = new ArrayList<>();
        for (ByteBuf record; (record = channel.readInbound()) != null; ) {
            got.add(ByteBufUtil.getBytes(record));
            record.release();
        }
        channel.finishAndReleaseAll();
        if (refused != expected.oversize || refused && channel.isOpen()) {
            throw new AssertionError("oversize record: expected " + expected.oversize + ", refused " + refused
                    + ", channel open " + channel.isOpen());
        }
        if (got.size() != expected.records.size()) {
            throw new AssertionError("expected " + expected.records.size() + " records, got " + got.size());
        }
        for (int i = 0; i < got.size(); i++) {
            if (!Arrays.equals(got.get(i), expected.records.get(i))) {
                throw new AssertionError("record " + i + " differs");
            }
        }
    }

    private record Expected(List<byte[]> records, boolean oversize) {
    }

    /** The records a stream holds by a plain reading of its fragment headers, up to an oversize record. */
    private static Expected expected(byte[] s) {
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        int at = 0;
        while (s.length - at >= 4) {
            int header = (s[at] & 0xff) << 24 | (s[at + 1] & 0xff) << 16 | (s[at + 2] & 0xff) << 8 | s[at + 3] & 0xff;
            int length = header & 0x7fff_ffff;
            if ((long) record.size() + length > MAX_RECORD) {
                return new Expected(records, true);
            }
            if (s.length - at - 4 < length) {
                break;
            }
            record.write(s, at + 4, length);
            at += 4 + length;
            if (header < 0) {
                records.add(record.toByteArray());
                record.reset();
            }
        }
        return new Expected(records, false);
    }
}
