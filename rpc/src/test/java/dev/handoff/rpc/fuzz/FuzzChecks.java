package dev.handoff.rpc.fuzz;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.rpc.xdr.XdrReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * The properties every fuzz target checks for one input: the decoder returns a value or throws
 * {@link XdrException}; the bytes it allocates stay within a bound linear in the input; it leaves no reference
 * to the record behind. Anything else is thrown out of the target, which makes it a finding.
 *
 * <p>The allocation bound is {@value #PER_INPUT_BYTE} bytes per input byte plus {@value #FIXED} bytes. A decoder
 * copies each opaque and string once (a byte[] or a String of Latin-1/UTF-16 chars: up to 2 bytes per input
 * byte, plus headers of 16 to 24 bytes for items that may be as short as 4 input bytes); lists box their ints
 * (16 bytes per 4-byte element) and are copied once by {@code List.copyOf}; exception messages and records are
 * short. 64 per byte leaves about four times that worst case, while a decoder that trusts a length field (an
 * array sized from it, a buffer of the announced size) overshoots it by orders of magnitude. The fixed part
 * covers per-call overhead (the decoder, logging's formatting of a refused call, a reply buffer of 128 bytes).
 */
public final class FuzzChecks {
    public static final long PER_INPUT_BYTE = 64;
    public static final long FIXED = 64 * 1024;
    static final int REPEATS = 3;
    /**
     * Extra allowance for targets that run rpcbind's handlers: GETSTAT (RFC 1833 §2.2) answers with the lookup
     * statistics the server has gathered, up to 3 versions x 256 (program, version, netid) keys with netids of up
     * to 64 bytes: about 68 KB on the wire, built as objects, encoded into a growing buffer. Its size follows
     * the server's bounded state, not the request, so it cannot be part of the per-byte bound; fuzzing fills
     * those tables within seconds.
     */
    public static final long RPCBIND_GETSTAT_REPLY = 512 * 1024;
    /** Input records come from here: an allocator whose buffers Netty's leak detector tracks. */
    public static final ByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzChecks() {
    }

    /**
     * Logs only errors of the code under test: a fuzzer makes millions of calls, and the warnings a refused call
     * logs (a client's bad handle, a lock refused) would cost more than the call and bury the fuzzer's own report.
     * The dispatcher keeps its warnings: it warns only when a reader or handler threw, the stack trace a finding
     * needs.
     */
    public static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.handoff"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(dev.handoff.rpc.dispatch.Dispatcher.class))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** A record holding {@code bytes}, from {@link #ALLOC}. */
    public static ByteBuf record(byte[] bytes) {
        return ALLOC.heapBuffer(Math.max(bytes.length, 1)).writeBytes(bytes);
    }

    /**
     * Reads {@code bytes} with {@code reader} and checks the decode contract. Arguments that own buffers
     * (AutoCloseable) are closed, as the dispatcher does; after that the record must be referenced only by us.
     */
    public static <T> void decodes(XdrReader<T> reader, byte[] bytes) {
        withinAllocationBound(bytes.length, 0, () -> {
            ByteBuf record = record(bytes);
            T value = null;
            try {
                value = reader.read(new XdrDecoder(record));
            } catch (XdrException e) {
                // the declared way to refuse malformed input; anything else propagates as a finding
            }
            if (value instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new AssertionError("closing decoded arguments failed", e);
                }
            }
            release(record);
        });
    }

    /** Releases a record the code under test was lent, failing if it kept (retained) a reference. */
    public static void release(ByteBuf record) {
        if (record.refCnt() != 1) {
            throw new AssertionError("record left with reference count " + record.refCnt() + " (a leaked slice)");
        }
        record.release();
    }

    /**
     * Runs {@code action} and fails when the current thread allocated more than the bound for
     * {@code inputSize} plus {@code extra}. Over the bound, the action is repeated up to {@value #REPEATS} times
     * and the least measure counts: the first runs of a code path load and link classes on this thread (lambdas,
     * string concatenation, exception classes, lazily built tables), a cost paid once per JVM; observed here it
     * takes up to two runs to settle. A decoder that allocates from a length field overshoots on every run.
     */
    public static void withinAllocationBound(int inputSize, long extra, Runnable action) {
        long bound = PER_INPUT_BYTE * inputSize + FIXED + extra;
        LongSupplier measure = () -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            action.run();
            return THREADS.getCurrentThreadAllocatedBytes() - before;
        };
        long least = measure.getAsLong();
        for (int i = 0; i < REPEATS && least > bound; i++) {
            least = Math.min(least, measure.getAsLong());
        }
        if (least > bound) {
            throw new AssertionError("allocated " + least + " bytes for an input of " + inputSize
                    + " bytes; the bound is " + bound);
        }
    }
}
