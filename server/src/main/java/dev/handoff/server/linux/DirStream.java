package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.handoff.rpc.xdr.Opaque;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Streams the entries of a directory descriptor (opened O_RDONLY|O_DIRECTORY; O_PATH gives EBADF) through
 * getdents64(2), a buffer at a time. For NFSv3 READDIR (RFC 1813 §3.3.16): {@link #seek} to a client's cookie,
 * then read entries until the reply is full; the last entry's {@link DirEntry#cookie()} resumes after it.
 * The stream does not own the descriptor. Use it from one thread; its buffer is confined to the creator.
 */
public final class DirStream implements AutoCloseable {
    /** Enough for any one record: 19 header bytes, NAME_MAX + NUL, padding to 8. */
    public static final int MIN_BUFFER = 280;
    public static final int MAX_BUFFER = 1 << 20;

    private static final MethodHandle GETDENTS64 = Native.downcall("getdents64",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    /** struct linux_dirent64: u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]. */
    private static final int NAME_OFFSET = 19;

    private final Fd dir;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment buffer;
    private int position;
    private int limit;

    public DirStream(Fd dir, int bufferSize) {
        if (bufferSize < MIN_BUFFER || bufferSize > MAX_BUFFER) {
            throw new IllegalArgumentException("buffer of " + bufferSize + " bytes, want "
                    + MIN_BUFFER + ".." + MAX_BUFFER);
        }
        this.dir = dir;
        this.buffer = arena.allocate(bufferSize, 8);
    }

    /** The next entry, or null at the end of the directory. */
    public DirEntry next() throws ErrnoException {
        if (position == limit && !fill()) {
            return null;
        }
        long ino = buffer.get(JAVA_LONG, position);
        long cookie = buffer.get(JAVA_LONG, position + 8);
        int recordLength = Short.toUnsignedInt(buffer.get(JAVA_SHORT, position + 16));
        int type = Byte.toUnsignedInt(buffer.get(JAVA_BYTE, position + 18));
        if (recordLength <= NAME_OFFSET || position + recordLength > limit) {
            throw new IllegalStateException("corrupt getdents64 record of " + recordLength + " bytes");
        }
        int nameLength = 0;
        int maxName = Math.min(recordLength - NAME_OFFSET, DirEntry.NAME_MAX + 1);
        while (nameLength < maxName && buffer.get(JAVA_BYTE, position + NAME_OFFSET + nameLength) != 0) {
            nameLength++;
        }
        byte[] name = buffer.asSlice(position + NAME_OFFSET, nameLength).toArray(JAVA_BYTE);
        position += recordLength;
        return new DirEntry(ino, cookie, type, Opaque.copyOf(name));
    }

    /** Continues the listing at a cookie from an earlier entry (0 restarts it) and drops buffered entries. */
    public void seek(long cookie) throws ErrnoException {
        LinuxIo.lseek(dir, cookie, LinuxIo.SEEK_SET);
        position = 0;
        limit = 0;
    }

    private boolean fill() throws ErrnoException {
        long n = Native.call("getdents64", (errno, callArena) ->
                (long) GETDENTS64.invokeExact(errno, dir.value(), buffer, buffer.byteSize()));
        position = 0;
        limit = (int) n;
        return n > 0;
    }

    /** Frees the buffer; the directory descriptor stays open. */
    @Override
    public void close() {
        arena.close();
    }
}
