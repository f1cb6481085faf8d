package dev.handoff.it.kernel;

/** How a guest ended, as judged by the runner from qemu's exit status and the guest's own RESULT line. */
public enum Verdict {
    /** qemu exit 1 (the guest wrote 0 to isa-debug-exit) and the guest's RESULT says PASS. */
    PASS,
    /** qemu exit 3 (the guest wrote 1), or exit 1 without a passing RESULT. */
    FAIL,
    /** The per-guest time limit ran out and qemu was killed. */
    TIMEOUT,
    /** Any other exit: a kernel panic, qemu failing to start. */
    CRASH,
    /** The summary has no verdict for this guest. */
    UNKNOWN;

    static Verdict parse(String status) {
        for (Verdict v : values()) {
            if (v.name().equals(status)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
