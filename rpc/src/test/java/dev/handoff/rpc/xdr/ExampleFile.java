package dev.handoff.rpc.xdr;

/**
 * The structure of RFC 4506 §7 ("An Example of an XDR Data Description"): a struct holding strings, an enum
 * discriminated union and variable-length opaque data. The RFC prints its encoding byte by byte, which makes
 * it a fixture no implementation of ours could have shaped.
 */
record ExampleFile(String filename, FileType type, String owner, Opaque data) {
    static final int MAXUSERNAME = 32;
    static final int MAXFILELEN = 65535;
    static final int MAXNAMELEN = 255;

    /** RFC 4506 §7 {@code union filetype switch (filekind kind)}. */
    sealed interface FileType {
        record Text() implements FileType {
        }

        record Data(String creator) implements FileType {
        }

        record Exec(String interpretor) implements FileType {
        }
    }

    /** The RFC's own encoding of {@code sillyprog}, annotated as the RFC annotates it. */
    static final String SILLYPROG_HEX = """
            00000009             # length of filename = 9
            73696c6c 7970726f    # "sillypro"
            67000000             # "g" and 3 zero bytes of fill
            00000002             # filekind is EXEC = 2
            00000004 6c697370    # interpretor "lisp"
            00000004 6a6f686e    # owner "john"
            00000006 28717569    # length of file data = 6, "(qui"
            74290000             # "t)" and 2 zero bytes of fill
            """;

    static final ExampleFile SILLYPROG = new ExampleFile("sillyprog", new FileType.Exec("lisp"), "john",
            Opaque.ofHex("287175697429"));

    static ExampleFile read(XdrDecoder in) {
        String filename = in.readString(MAXNAMELEN);
        FileType type = switch (in.readEnum()) {
            case 0 -> new FileType.Text();
            case 1 -> new FileType.Data(in.readString(MAXNAMELEN));
            case 2 -> new FileType.Exec(in.readString(MAXNAMELEN));
            default -> throw new XdrException("unknown filekind");
        };
        return new ExampleFile(filename, type, in.readString(MAXUSERNAME), in.readOpaque(MAXFILELEN));
    }

    static void write(XdrEncoder out, ExampleFile f) {
        out.writeString(f.filename());
        switch (f.type()) {
            case FileType.Text t -> out.writeEnum(0);
            case FileType.Data d -> out.writeEnum(1).writeString(d.creator());
            case FileType.Exec e -> out.writeEnum(2).writeString(e.interpretor());
        }
        out.writeString(f.owner()).writeOpaque(f.data());
    }
}
