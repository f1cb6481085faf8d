package dev.handoff.rpc.dispatch;

import java.util.List;

/** One version of a program: its procedures, indexed by number. */
public final class ProgramVersion {
    private final int version;
    private final Procedure<?, ?>[] byNumber;

    public ProgramVersion(int version, List<Procedure<?, ?>> procedures) {
        this.version = version;
        int max = procedures.stream().mapToInt(Procedure::number).max().orElse(-1);
        this.byNumber = new Procedure<?, ?>[max + 1];
        for (Procedure<?, ?> p : procedures) {
            if (byNumber[p.number()] != null) {
                throw new IllegalArgumentException("version " + version + " lists procedure " + p.number() + " twice");
            }
            byNumber[p.number()] = p;
        }
    }

    public int version() {
        return version;
    }

    /** The procedure with this number, or null (PROC_UNAVAIL). */
    public Procedure<?, ?> procedure(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }

    public List<Procedure<?, ?>> procedures() {
        return java.util.Arrays.stream(byNumber).filter(java.util.Objects::nonNull).toList();
    }
}
