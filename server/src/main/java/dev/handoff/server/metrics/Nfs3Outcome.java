package dev.handoff.server.metrics;

import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.WriteResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What an NFSv3 result says about the call: its nfsstat3 (RFC 1813 §2.6) and, for READ (§3.3.6) and WRITE
 * (§3.3.7), how many bytes moved.
 *
 * <p>Every NFSv3 result union declares {@code Nfs3Status status()} on its sealed interface, but the results
 * share no supertype; the accessor is found once per result class rather than adding a common interface to
 * every result type, so metrics stay out of the codec and handler code.
 */
final class Nfs3Outcome {
    private static final ClassValue<Method> STATUS_ACCESSOR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method m : type.getMethods()) {
                if (m.getName().equals("status") && m.getParameterCount() == 0
                        && m.getReturnType() == Nfs3Status.class && !Modifier.isStatic(m.getModifiers())) {
                    m.setAccessible(true);
                    return m;
                }
            }
            return null;
        }
    };

    private Nfs3Outcome() {
    }

    /** The status of {@code result}, or null for a result without one (NULL's void). */
    static Nfs3Status status(Object result) {
        if (result == null) {
            return null;
        }
        Method accessor = STATUS_ACCESSOR.get(result.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (Nfs3Status) accessor.invoke(result);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    /** Bytes a successful READ returned; 0 for anything else. The length stays known after the data is sent. */
    static long bytesRead(Object result) {
        return result instanceof ReadResult.Ok ok ? ok.count() : 0;
    }

    /** Bytes a successful WRITE wrote; 0 for anything else. */
    static long bytesWritten(Object result) {
        return result instanceof WriteResult.Ok ok ? Integer.toUnsignedLong(ok.count()) : 0;
    }
}
