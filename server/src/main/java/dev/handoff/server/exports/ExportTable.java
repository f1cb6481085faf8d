package dev.handoff.server.exports;

import dev.handoff.server.exports.Access.Denied;
import dev.handoff.server.exports.Access.Reason;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of exports, and the decision for each call: the first rule of the export, in precedence
 * order ({@link ClientMatcher.Kind}), that matches the caller's address gives the options; then the
 * {@code secure} option of that rule checks the caller's source port. A caller that matches no rule is
 * refused; a later, less specific rule never rescues a caller refused for its port (as with Linux nfsd).
 */
public final class ExportTable {
    /** Ports below this are privileged: only root can send from them (the {@code secure} option). */
    public static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private final List<Export> exports;
    private final HostResolver resolver;
    private final Map<Path, Export> byPath = new HashMap<>();
    private final Map<Integer, Export> byId = new HashMap<>();

    public ExportTable(List<Export> exports, HostResolver resolver) {
        this.exports = List.copyOf(exports);
        this.resolver = resolver;
        for (Export e : this.exports) {
            if (byPath.putIfAbsent(e.path(), e) != null) {
                throw new IllegalArgumentException("exported twice: " + e.path());
            }
            if (byId.putIfAbsent(e.exportId(), e) != null) {
                throw new IllegalArgumentException("export id " + ExportIds.format(e.exportId()) + " used twice");
            }
        }
    }

    public static ExportTable empty(HostResolver resolver) {
        return new ExportTable(List.of(), resolver);
    }

    /** The exports in file order (MOUNT's EXPORT procedure lists them so). */
    public List<Export> exports() {
        return exports;
    }

    public Optional<Export> find(Path exportPath) {
        return Optional.ofNullable(byPath.get(exportPath));
    }

    public Optional<Export> find(int exportId) {
        return Optional.ofNullable(byId.get(exportId));
    }

    /**
     * The export a directory lies in: the one with the longest path that is {@code dir} or an ancestor of it
     * (a client may mount a sub-directory of an export). {@code dir} must be normalized ({@link ExportPaths}).
     */
    public Optional<Export> containing(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            Export e = byPath.get(p);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Access decide(Path exportPath, InetSocketAddress caller) {
        Export e = byPath.get(exportPath);
        return e == null ? new Denied(Reason.NO_SUCH_EXPORT, "not exported: " + exportPath) : decide(e, caller);
    }

    public Access decide(int exportId, InetSocketAddress caller) {
        Export e = byId.get(exportId);
        return e == null ? new Denied(Reason.NO_SUCH_EXPORT, "no export has id " + ExportIds.format(exportId))
                : decide(e, caller);
    }

    private Access decide(Export export, InetSocketAddress caller) {
        InetAddress address = caller.getAddress();
        if (address == null) {
            return new Denied(Reason.CLIENT_NOT_ALLOWED, "unresolved caller " + caller);
        }
        InetAddress normalized = Addresses.normalize(address);
        for (ClientRule rule : export.rules()) {
            if (!rule.matcher().matches(normalized, resolver)) {
                continue;
            }
            if (rule.options().secure() && caller.getPort() >= FIRST_UNPRIVILEGED_PORT) {
                return new Denied(Reason.INSECURE_PORT, Addresses.format(normalized) + " port " + caller.getPort()
                        + " is not privileged; " + export.path() + " " + rule.matcher().spec()
                        + " is secure (add 'insecure' to allow it)");
            }
            return new Access.Allowed(export, rule.options());
        }
        return new Denied(Reason.CLIENT_NOT_ALLOWED, Addresses.format(normalized) + " matches no client of "
                + export.path());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        exports.forEach(e -> text.append(e).append('\n'));
        return text.toString();
    }
}
