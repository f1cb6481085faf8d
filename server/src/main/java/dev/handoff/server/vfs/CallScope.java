package dev.handoff.server.vfs;

import java.util.ArrayList;
import java.util.List;

/**
 * One NFS call on the calling thread, as seen by the file systems it touches: what they open for the call may
 * stay open until the call ends instead of being opened again by each step. A LOOKUP opens its directory to
 * search it, again for the directory's post-op attributes, and the found file for its own; an ACCESS opens its
 * file for the check and again for the attributes. Kept, each is opened once per call.
 *
 * <p>At most {@link #CAPACITY} things are kept; past that a file system opens and closes as if there were no
 * scope, so a call that touches thousands of files (READDIRPLUS) holds a handful of descriptors, not thousands.
 * Outside a scope ({@link #current()} is null) nothing is kept. Scopes do not nest: an inner
 * {@link #begin()} joins the outer one.
 */
public final class CallScope implements AutoCloseable {
    public static final int CAPACITY = 8;
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();
    private static final CallScope JOINED = new CallScope(null);

    private final Thread owner;
    private final List<Object> keys = new ArrayList<>(CAPACITY);
    private final List<AutoCloseable> values = new ArrayList<>(CAPACITY);

    private CallScope(Thread owner) {
        this.owner = owner;
    }

    /** Starts the calling thread's scope, or joins the one already open (then closing the result does nothing). */
    public static CallScope begin() {
        if (CURRENT.get() != null) {
            return JOINED;
        }
        CallScope scope = new CallScope(Thread.currentThread());
        CURRENT.set(scope);
        return scope;
    }

    /** The calling thread's scope, or null outside any. */
    public static CallScope current() {
        return CURRENT.get();
    }

    /** What was kept under {@code key} (compared with equals), or null. */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T get(Object key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(key)) {
                return (T) values.get(i);
            }
        }
        return null;
    }

    /**
     * Keeps {@code value} under {@code key} until the scope closes, which then closes it. False when the scope is
     * full: the caller keeps ownership and closes the value itself.
     */
    public boolean keep(Object key, AutoCloseable value) {
        if (keys.size() == CAPACITY) {
            return false;
        }
        keys.add(key);
        values.add(value);
        return true;
    }

    /**
     * Closes what was kept, newest first. A failure to close a descriptor is a bug (EBADF), not a client's
     * error: it is thrown as an IllegalStateException after all were closed.
     */
    @Override
    public void close() {
        if (this == JOINED) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("call scope of " + owner + " closed on " + Thread.currentThread());
        }
        CURRENT.remove();
        Exception first = null;
        for (int i = values.size() - 1; i >= 0; i--) {
            try {
                values.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        keys.clear();
        values.clear();
        if (first != null) {
            throw new IllegalStateException("closing what a call kept open failed", first);
        }
    }
}
