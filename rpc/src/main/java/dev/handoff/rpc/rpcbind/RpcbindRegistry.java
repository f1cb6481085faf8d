package dev.handoff.rpc.rpcbind;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import dev.handoff.rpc.rpcbind.xdr.RpcbCodec;
import dev.handoff.rpc.rpcbind.xdr.UniversalAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registrations rpcbind answers from, keyed by (program, version, netid), in the order they were made. The
 * rules are rpcbind's own (its {@code map_set}/{@code map_unset}): SET refuses a key that is already registered
 * at another address (the same address again is a harmless success); UNSET removes every netid of a program
 * version, or one netid, but only when all of them belong to the caller's owner string or the caller is
 * {@value #SUPERUSER}. Thread-safe; all methods lock the registry briefly.
 */
public final class RpcbindRegistry {
    public static final String SUPERUSER = "superuser";
    /** The owner of registrations made through the port mapper protocol, which has no owner field. */
    public static final String UNKNOWN_OWNER = "unknown";
    /** Bound on the table: a loopback caller looping over SET must not grow it forever. */
    public static final int MAX_REGISTRATIONS = 1024;

    private record Key(int program, int version, String netid) {
    }

    private final Map<Key, Rpcb> registrations = new LinkedHashMap<>();

    private static Key key(int program, int version, String netid) {
        return new Key(program, version, netid.toLowerCase(Locale.ROOT));
    }

    /** Registers {@code r}; false when its key is taken by another address, or a field is empty or too long. */
    public synchronized boolean set(Rpcb r) {
        if (r.netid().isEmpty() || r.address().isEmpty() || tooLong(r.netid(), RpcbCodec.MAX_NETID)
                || tooLong(r.address(), RpcbCodec.MAX_ADDRESS) || tooLong(r.owner(), RpcbCodec.MAX_OWNER)) {
            return false;
        }
        Key k = key(r.program(), r.version(), r.netid());
        Rpcb existing = registrations.get(k);
        if (existing != null) {
            return existing.address().equals(r.address());
        }
        if (registrations.size() >= MAX_REGISTRATIONS) {
            return false;
        }
        registrations.put(k, r);
        return true;
    }

    /** Longer than a DUMP reader would accept. */
    private static boolean tooLong(String s, int maxBytes) {
        return s.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    /**
     * Registers one of our own listeners; a wildcard {@code address} (0.0.0.0 or ::) makes GETADDR answer with
     * whichever local address a caller reached.
     */
    public boolean set(int program, int version, Transport transport, InetSocketAddress address, String owner) {
        String netid = Netid.of(transport, address.getAddress()).id;
        return set(new Rpcb(program, version, netid, UniversalAddress.format(address), owner));
    }

    /**
     * Removes the registrations of (program, version) on {@code netid}, or on every netid when it is empty.
     * False when nothing matched or a match belongs to another owner (then nothing is removed).
     */
    public synchronized boolean unset(int program, int version, String netid, String owner) {
        List<Key> matches = new ArrayList<>();
        for (Map.Entry<Key, Rpcb> e : registrations.entrySet()) {
            Key k = e.getKey();
            if (k.program() == program && k.version() == version
                    && (netid.isEmpty() || k.netid().equalsIgnoreCase(netid))) {
                if (!owner.equals(SUPERUSER) && !owner.equals(e.getValue().owner())) {
                    return false;
                }
                matches.add(k);
            }
        }
        matches.forEach(registrations::remove);
        return !matches.isEmpty();
    }

    /** Removes every version of {@code program} on every netid, whoever registered it (for our own shutdown). */
    public synchronized void unsetAll(int program) {
        registrations.keySet().removeIf(k -> k.program() == program);
    }

    /**
     * The registration of (program, version) on {@code netid}. Without {@code exactVersion}, rpcbind's GETPORT
     * and GETADDR rule: when that version is not registered, any version of the program on that netid, so
     * that the caller learns from the program itself which versions it serves (PROG_MISMATCH).
     */
    public synchronized Optional<Rpcb> find(int program, int version, String netid, boolean exactVersion) {
        Rpcb other = null;
        for (Map.Entry<Key, Rpcb> e : registrations.entrySet()) {
            Key k = e.getKey();
            if (k.program() != program || !k.netid().equalsIgnoreCase(netid)) {
                continue;
            }
            if (k.version() == version) {
                return Optional.of(e.getValue());
            }
            other = e.getValue();
        }
        return exactVersion ? Optional.empty() : Optional.ofNullable(other);
    }

    /** Every registration, oldest first: the DUMP answer. */
    public synchronized List<Rpcb> all() {
        return List.copyOf(registrations.values());
    }
}
