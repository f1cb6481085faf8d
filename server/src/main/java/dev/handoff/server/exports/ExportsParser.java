package dev.handoff.server.exports;

import dev.handoff.server.exports.ExportsLexer.Token;
import dev.handoff.server.exports.OptionParser.Applied;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Turns exports text into an {@link ExportTable}, or into the list of its errors, each with file and line.
 * Pure: no file system, no DNS. The syntax is exports(5):
 * <pre>
 *   /srv/a   host1(rw) 10.0.0.0/8(ro) *.example.com(rw,all_squash)   # a comment
 *   /srv/b   -rw,insecure  host2  2001:db8::/32(ro) \
 *            *(ro)
 *   "/srv/with space"  *(rw)        (or /srv/with\040space)
 * </pre>
 * It follows exportfs where exports(5) is silent: a line without clients exports to every host (with a
 * warning); {@code host (rw)}, with a blank before the parenthesis, gives {@code host} the defaults and every
 * host {@code rw} (with a warning, since that is rarely meant); a path on several lines gathers the clients
 * of all of them. Unlike exportfs, an unknown option or client rejects the whole file rather than the line,
 * so that a reload never leaves a table narrower or wider than the file says.
 */
public final class ExportsParser {
    public static final int MAX_EXPORTS = 4096;
    public static final int MAX_CLIENTS_PER_EXPORT = 1024;
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private final List<ExportsError> errors = new ArrayList<>();
    private final List<ExportsError> warnings = new ArrayList<>();
    private final Map<Path, Draft> drafts = new LinkedHashMap<>();

    /** An export being gathered, with where it was first seen and where its fsid came from. */
    private static final class Draft {
        final Path path;
        final Token where;
        final String file;
        final List<ClientRule> rules = new ArrayList<>();
        OptionalInt fsid = OptionalInt.empty();
        String fsidWhere;

        Draft(Path path, String file, Token where) {
            this.path = path;
            this.file = file;
            this.where = where;
        }
    }

    private ExportsParser() {
    }

    public static ParseResult parse(ExportsSource source, HostResolver resolver) {
        return parse(List.of(source), resolver);
    }

    /** All sources make one table, in order (an exports file, then the {@code --export} directories). */
    public static ParseResult parse(List<ExportsSource> sources, HostResolver resolver) {
        ExportsParser parser = new ExportsParser();
        for (ExportsSource source : sources) {
            parser.source(source);
        }
        return parser.finish(resolver);
    }

    private void source(ExportsSource source) {
        String file = source.name();
        if (source.text().length() > MAX_TEXT_CHARS) {
            errors.add(new ExportsError(file, 0, "larger than " + MAX_TEXT_CHARS + " characters"));
            return;
        }
        for (List<Token> line : ExportsLexer.lex(source.text(), (n, m) -> errors.add(new ExportsError(file, n, m)))) {
            entry(file, line);
        }
    }

    private void entry(String file, List<Token> tokens) {
        Token first = tokens.getFirst();
        Optional<Path> path = ExportPaths.normalize(first.text(), error(file, first));
        if (path.isEmpty()) {
            return;
        }
        int i = 1;
        Applied defaults = new Applied(ExportOptions.DEFAULTS, OptionalInt.empty());
        if (i < tokens.size() && tokens.get(i).text().startsWith("-")) {
            Token t = tokens.get(i++);
            Optional<Applied> given = OptionParser.apply(defaults, t.text().substring(1), error(file, t),
                    warning(file, t));
            if (given.isEmpty()) {
                return;
            }
            defaults = given.get();
        }
        Draft draft = drafts.computeIfAbsent(path.get(), p -> new Draft(p, file, first));
        if (i == tokens.size()) {
            String line = ExportsLexer.escape(path.get().toString()) + " *(" + defaults.options() + ")";
            warning(file, first).accept("no client given for " + path.get() + ": it is exported to every host; "
                    + "write '" + line + "' to say so");
            add(draft, ClientMatcher.Any.INSTANCE, defaults, file, first);
            return;
        }
        Token bare = null;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            bare = client(draft, defaults, file, t, bare);
        }
    }

    /** One {@code client(options)} token; returns it if it had no options (for the blank-before-'(' check). */
    private Token client(Draft draft, Applied defaults, String file, Token t, Token previousBare) {
        String text = t.text();
        if (text.startsWith("-")) {
            error(file, t).accept("default options '" + text + "' must directly follow the export path");
            return null;
        }
        int open = text.indexOf('(');
        String host = open < 0 ? text : text.substring(0, open);
        Applied applied = defaults;
        if (open >= 0) {
            if (text.indexOf(')') != text.length() - 1 || text.indexOf('(', open + 1) >= 0) {
                error(file, t).accept("bad option list '" + text + "'");
                return null;
            }
            Optional<Applied> given = OptionParser.apply(defaults, text.substring(open + 1, text.length() - 1),
                    error(file, t), warning(file, t));
            if (given.isEmpty()) {
                return null;
            }
            applied = given.get();
            if (host.isEmpty()) {
                warning(file, t).accept(previousBare == null
                        ? "options '" + text + "' without a host apply to every host; write '*" + text + "'"
                        : "blank between '" + previousBare.text() + "' and '" + text + "': these options apply "
                                + "to every host, not to " + previousBare.text() + "; write '"
                                + previousBare.text() + text + "'");
            }
        } else if (text.indexOf(')') >= 0) {
            error(file, t).accept("bad option list '" + text + "'");
            return null;
        }
        Optional<ClientMatcher> matcher = ClientSpecs.parse(host, error(file, t), warning(file, t));
        if (matcher.isPresent()) {
            add(draft, matcher.get(), applied, file, t);
        }
        return open < 0 ? t : null;
    }

    private void add(Draft draft, ClientMatcher matcher, Applied applied, String file, Token t) {
        if (draft.rules.stream().anyMatch(r -> r.matcher().equals(matcher))) {
            warning(file, t).accept("client '" + matcher.spec() + "' of " + draft.path
                    + " is listed more than once; the first one applies");
        }
        if (draft.rules.size() == MAX_CLIENTS_PER_EXPORT) {
            error(file, t).accept(draft.path + " has more than " + MAX_CLIENTS_PER_EXPORT + " clients");
            return;
        }
        draft.rules.add(new ClientRule(matcher, applied.options()));
        if (applied.fsid().isPresent()) {
            int fsid = applied.fsid().getAsInt();
            if (draft.fsid.isPresent() && draft.fsid.getAsInt() != fsid) {
                error(file, t).accept("fsid=" + fsid + " for " + draft.path + " conflicts with fsid="
                        + draft.fsid.getAsInt() + " at " + draft.fsidWhere);
            } else if (draft.fsid.isEmpty()) {
                draft.fsid = applied.fsid();
                draft.fsidWhere = file + ":" + t.line();
            }
        }
    }

    private ParseResult finish(HostResolver resolver) {
        List<Export> exports = new ArrayList<>();
        Map<Integer, Draft> byId = new HashMap<>();
        for (Draft d : drafts.values()) {
            if (exports.size() == MAX_EXPORTS) {
                errors.add(new ExportsError(d.file, d.where.line(), "more than " + MAX_EXPORTS + " exports"));
                break;
            }
            int id = d.fsid.orElseGet(() -> ExportIds.derive(d.path));
            Draft other = byId.putIfAbsent(id, d);
            if (other != null) {
                String at = other.file + ":" + other.where.line();
                errors.add(new ExportsError(d.file, d.where.line(), d.fsid.isPresent()
                        ? "fsid=" + id + " of " + d.path + " is already used by " + other.path + " (" + at + ")"
                        : "the export ids derived from " + d.path + " and " + other.path + " (" + at
                                + ") collide; give one of them an fsid="));
            }
            exports.add(new Export(d.path, id, d.rules));
        }
        if (!errors.isEmpty()) {
            return new ParseResult.Rejected(errors, warnings);
        }
        return new ParseResult.Parsed(new ExportTable(exports, resolver), warnings);
    }

    private Consumer<String> error(String file, Token t) {
        return message -> errors.add(new ExportsError(file, t.line(), message));
    }

    private Consumer<String> warning(String file, Token t) {
        return message -> warnings.add(new ExportsError(file, t.line(), message));
    }
}
