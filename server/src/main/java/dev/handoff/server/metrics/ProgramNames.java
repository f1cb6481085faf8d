package dev.handoff.server.metrics;

/** The {@code program} label: the short names rpcinfo prints for the programs Handoff serves. */
final class ProgramNames {
    /** Any other number: a label per number a client invents would grow without bound. */
    static final String OTHER = "other";

    private ProgramNames() {
    }

    static String of(int program) {
        return switch (program) {
            case 100_000 -> "rpcbind";
            case 100_003 -> "nfs";
            case 100_005 -> "mount";
            case 100_021 -> "nlm";
            case 100_024 -> "nsm";
            default -> OTHER;
        };
    }
}
