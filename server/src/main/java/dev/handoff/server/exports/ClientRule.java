package dev.handoff.server.exports;

/** One {@code client(options)} item of an export line: who, and what they may do. */
public record ClientRule(ClientMatcher matcher, ExportOptions options) {
    /** The rule in exports syntax, such as {@code 10.0.0.0/8(rw,no_root_squash)}. */
    @Override
    public String toString() {
        return matcher.spec() + "(" + options + ")";
    }
}
