package dev.handoff.server.exports;

/** The answer of the exports table for one call. */
public sealed interface Access {
    /** Why a call is refused; the NFS and MOUNT layers map these to their own status codes. */
    enum Reason {
        /** No export has that path or id (a handle from a removed export: NFS3ERR_STALE). */
        NO_SUCH_EXPORT,
        /** No client rule of the export matches the caller (NFS3ERR_ACCES, MNT3ERR_ACCES). */
        CLIENT_NOT_ALLOWED,
        /** The matching rule is {@code secure} and the source port is 1024 or above (NFS3ERR_PERM). */
        INSECURE_PORT
    }

    /** The caller may use the export, with the options of the rule that matched it. */
    record Allowed(Export export, ExportOptions options) implements Access {
    }

    /** The caller may not; {@code detail} is for logs, never for the client. */
    record Denied(Reason reason, String detail) implements Access {
    }
}
