package dev.handoff.server.exports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The exports table in force, swapped whole on reload. A call reads the table once and decides against that
 * one snapshot, so a reload never shows a call half of the old table and half of the new. A reload whose
 * text has any error changes nothing: the old table stays, and the errors go back to the caller (SIGHUP
 * handler, {@code handoff exports reload}) to report with file and line.
 *
 * <p>The {@code --export} directories given at start are part of every table, after the file's exports.
 */
public final class Exports {
    private final HostResolver resolver;
    private final List<ExportsSource> commandLine;
    private volatile ExportTable table;

    /** Starts with an empty table (every call refused) until the first successful reload. */
    public Exports(HostResolver resolver, List<Path> commandLineExports) {
        this.resolver = resolver;
        this.commandLine = commandLineExports.stream().map(ExportsSource::commandLine).toList();
        this.table = ExportTable.empty(resolver);
    }

    /** The table in force; keep the reference for the whole of a call. */
    public ExportTable table() {
        return table;
    }

    /** Reads {@code exportsFile} (in Linux /etc/exports syntax) and uses it with the command-line exports. */
    public ParseResult reload(Path exportsFile) {
        return reload(List.of(exportsFile));
    }

    /** The command-line exports alone, or with several files, read in order as if they were one. */
    public synchronized ParseResult reload(List<Path> exportsFiles) {
        List<ExportsSource> sources = new ArrayList<>();
        List<ExportsError> unreadable = new ArrayList<>();
        for (Path file : exportsFiles) {
            try {
                sources.add(read(file));
            } catch (IOException e) {
                unreadable.add(new ExportsError(file.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            return new ParseResult.Rejected(unreadable, List.of());
        }
        sources.addAll(commandLine);
        ParseResult result = ExportsParser.parse(sources, resolver);
        if (result instanceof ParseResult.Parsed parsed) {
            table = parsed.table();
        }
        return result;
    }

    public Access decide(Path exportPath, InetSocketAddress caller) {
        return table.decide(exportPath, caller);
    }

    public Access decide(int exportId, InetSocketAddress caller) {
        return table.decide(exportId, caller);
    }

    private static ExportsSource read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such file");
        }
        // Checked before reading so that a wrong path (a disk image, /dev/zero) cannot fill the heap.
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        if (Files.size(file) > ExportsParser.MAX_TEXT_CHARS) {
            throw new IOException("larger than " + ExportsParser.MAX_TEXT_CHARS + " bytes");
        }
        try {
            return new ExportsSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8", e);
        }
    }
}
