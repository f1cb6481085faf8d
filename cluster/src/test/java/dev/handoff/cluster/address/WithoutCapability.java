package dev.handoff.cluster.address;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs code on a fresh platform thread whose effective capability set lacks one capability. Capabilities
 * belong to threads on Linux (capset(2) with pid 0 changes only the caller), so the rest of the test JVM
 * keeps its own; the thread ends with the call.
 */
final class WithoutCapability {
    static final int CAP_NET_RAW = 13;
    private static final int VERSION_3 = 0x2008_0522;
    private static final MethodHandle CAPGET = downcall("capget");
    private static final MethodHandle CAPSET = downcall("capset");

    private WithoutCapability() {
    }

    static <T> T run(int capability, Supplier<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment header = arena.allocate(8);
                header.set(ValueLayout.JAVA_INT, 0, VERSION_3);
                MemorySegment data = arena.allocate(24); // two {effective, permitted, inheritable}
                if ((int) CAPGET.invokeExact(header, data) != 0) {
                    throw new IllegalStateException("capget failed");
                }
                long offset = (capability / 32) * 12L;
                int effective = data.get(ValueLayout.JAVA_INT, offset);
                data.set(ValueLayout.JAVA_INT, offset, effective & ~(1 << (capability % 32)));
                if ((int) CAPSET.invokeExact(header, data) != 0) {
                    throw new IllegalStateException("capset failed");
                }
                result.complete(body.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.join();
        return result.get();
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(String name) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    }
}
