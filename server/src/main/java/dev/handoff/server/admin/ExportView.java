package dev.handoff.server.admin;

import dev.handoff.server.exports.Export;
import dev.handoff.server.exports.ExportTable;
import java.util.List;

/**
 * An export as the admin API shows it.
 *
 * @param id      the export id file handles carry, unsigned
 * @param clients in decision order
 * @param line    the export as one exports(5) line that parses back to the same export
 */
public record ExportView(String path, long id, List<Client> clients, String line) {
    public ExportView {
        clients = List.copyOf(clients);
    }

    /** One client rule: who ({@code *}, an address, a network, a host name or pattern) and the options. */
    public record Client(String client, String options) {
    }

    public static ExportView of(Export export) {
        List<Client> clients = export.rules().stream()
                .map(r -> new Client(r.matcher().spec(), r.options().toString())).toList();
        return new ExportView(export.path().toString(), Integer.toUnsignedLong(export.exportId()), clients,
                export.toString());
    }

    public static List<ExportView> of(ExportTable table) {
        return table.exports().stream().map(ExportView::of).toList();
    }
}
