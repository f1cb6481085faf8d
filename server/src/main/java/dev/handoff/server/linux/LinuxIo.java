package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

/**
 * Data calls for NFSv3 READ, WRITE and COMMIT (RFC 1813 §3.3.6, §3.3.7, §3.3.21). Data moves between the
 * kernel and native memory (a native {@link MemorySegment} or a direct {@link ByteBuffer}, such as a Netty
 * direct buffer's NIO view) without a copy through the Java heap. Reads and writes may be short; the caller
 * decides whether to loop (an NFS READ just reports the count).
 */
public final class LinuxIo {
    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    private static final MethodHandle PREAD = Native.downcall("pread",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PWRITE = Native.downcall("pwrite",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FSYNC = Native.downcall("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle FDATASYNC = Native.downcall("fdatasync",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle LSEEK = Native.downcall("lseek",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));

    private LinuxIo() {}

    /** pread(2) into the whole of {@code buffer}; returns the bytes read, 0 at end of file. */
    public static long pread(Fd fd, MemorySegment buffer, long offset) throws ErrnoException {
        requireNative(buffer);
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot read into a read-only segment");
        }
        return Native.call("pread", (errno, arena) ->
                (long) PREAD.invokeExact(errno, fd.value(), buffer, buffer.byteSize(), offset));
    }

    /** pwrite(2) of the whole of {@code data}; returns the bytes written. */
    public static long pwrite(Fd fd, MemorySegment data, long offset) throws ErrnoException {
        requireNative(data);
        return Native.call("pwrite", (errno, arena) ->
                (long) PWRITE.invokeExact(errno, fd.value(), data, data.byteSize(), offset));
    }

    /** pread(2) into a direct buffer between position and limit; advances the position by the count. */
    public static int pread(Fd fd, ByteBuffer buffer, long offset) throws ErrnoException {
        int n = (int) pread(fd, MemorySegment.ofBuffer(requireDirect(buffer)), offset);
        buffer.position(buffer.position() + n);
        return n;
    }

    /** pwrite(2) from a direct buffer between position and limit; advances the position by the count. */
    public static int pwrite(Fd fd, ByteBuffer data, long offset) throws ErrnoException {
        int n = (int) pwrite(fd, MemorySegment.ofBuffer(requireDirect(data)), offset);
        data.position(data.position() + n);
        return n;
    }

    /** fsync(2): data and metadata stable (COMMIT, and FILE_SYNC writes). */
    public static void fsync(Fd fd) throws ErrnoException {
        Native.call("fsync", (errno, arena) -> (int) FSYNC.invokeExact(errno, fd.value()));
    }

    /** fdatasync(2): data stable, metadata only as far as needed to read it back (DATA_SYNC writes). */
    public static void fdatasync(Fd fd) throws ErrnoException {
        Native.call("fdatasync", (errno, arena) -> (int) FDATASYNC.invokeExact(errno, fd.value()));
    }

    /** lseek(2); on a directory, SEEK_SET to a getdents64 cookie resumes a listing there. */
    public static long lseek(Fd fd, long offset, int whence) throws ErrnoException {
        return Native.call("lseek", (errno, arena) -> (long) LSEEK.invokeExact(errno, fd.value(), offset, whence));
    }

    private static void requireNative(MemorySegment segment) {
        if (!segment.isNative()) {
            throw new IllegalArgumentException("a heap segment cannot be passed to the kernel: " + segment);
        }
    }

    private static ByteBuffer requireDirect(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a heap buffer cannot be passed to the kernel");
        }
        return buffer;
    }
}
