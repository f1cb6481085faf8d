package dev.handoff.cluster.address;

import java.io.IOException;
import java.io.Serial;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * A raw or packet socket opened through the C library with the Java FFM API: the JDK has no raw sockets.
 * errno is captured by the downcall itself ({@link Linker.Option#captureCallState}); read later through the
 * JVM it could already belong to another system call. Restricted: run with
 * {@code --enable-native-access=ALL-UNNAMED}.
 */
final class RawSocket implements AutoCloseable {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_PACKET = 17;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int IPPROTO_IPV6 = 41;
    static final int IPPROTO_ICMPV6 = 58;
    /** With this protocol the caller writes the IP header (IP_HDRINCL is implied; raw(7)). */
    static final int IPPROTO_RAW = 255;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int EPERM = 1;
    static final int EACCES = 13;

    /** A failed call and its errno. */
    static final class NativeError extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;
        final int errno;

        NativeError(String call, int errno) {
            super(call + " failed: errno " + errno);
            this.errno = errno;
        }

        /** Whether the error means a capability is missing (EPERM, or EACCES from some kernels). */
        boolean notPermitted() {
            return errno == EPERM || errno == EACCES;
        }
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(INT, INT, INT, INT, ValueLayout.ADDRESS, INT));
    private static final MethodHandle SENDTO = downcall("sendto",
            FunctionDescriptor.of(LONG, INT, ValueLayout.ADDRESS, LONG, INT, ValueLayout.ADDRESS, INT));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(INT, INT));

    private final int fd;

    private RawSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens and closes one socket of each kind a move uses, so that the first move after a start does not pay for
     * linking the native calls (measured: the first two moves of a node stalled clients 220-280 ms, later ones
     * 20-80 ms). Without CAP_NET_RAW this fails quietly; the move then reports the missing capability itself.
     */
    static void warmUp() {
        int[][] kinds = {{AF_PACKET, SOCK_DGRAM, 0}, {AF_INET, SOCK_RAW, IPPROTO_RAW}};
        for (int[] k : kinds) {
            try (RawSocket s = open(k[0], k[1], k[2])) {
                // opened: the downcalls are linked
            } catch (NativeError e) {
                // no capability here; nothing to warm
            }
        }
    }

    static RawSocket open(int family, int type, int protocol) throws NativeError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            int fd = (int) SOCKET.invokeExact(errno, family, type, protocol);
            check("socket", fd, errno);
            return new RawSocket(fd);
        } catch (NativeError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("socket() failed unexpectedly", t);
        }
    }

    void setInt(int level, int option, int value) throws NativeError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            MemorySegment v = arena.allocateFrom(INT, value);
            int r = (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v, (int) v.byteSize());
            check("setsockopt", r, errno);
        } catch (NativeError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("setsockopt() failed unexpectedly", t);
        }
    }

    /** Sends {@code data} to the address {@code sockaddr} (built by {@link SockAddr}). */
    void sendTo(byte[] data, byte[] sockaddr) throws NativeError {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE);
            MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
            MemorySegment to = arena.allocateFrom(ValueLayout.JAVA_BYTE, sockaddr);
            long r = (long) SENDTO.invokeExact(errno, fd, buf, (long) data.length, 0, to, sockaddr.length);
            check("sendto", r, errno);
        } catch (NativeError | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("sendto() failed unexpectedly", t);
        }
    }

    @Override
    public void close() {
        try (Arena arena = Arena.ofConfined()) {
            // Nothing useful can be done about a failed close of a socket that only ever sent.
            int ignored = (int) CLOSE.invokeExact(arena.allocate(CAPTURE), fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close() failed unexpectedly", t);
        }
    }

    private static void check(String call, long result, MemorySegment errno) throws NativeError {
        if (result == -1) {
            throw new NativeError(call, (int) ERRNO.get(errno, 0L));
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }
}
