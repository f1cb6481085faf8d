package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * wcc_data (RFC 1813 §2.6, weak cache consistency): the attributes before and after an operation that
 * changed an object, so that a client can tell whether anyone else changed it too.
 */
public record WccData(PreOpAttr before, PostOpAttr after) {
    public static final WccData NONE = new WccData(PreOpAttr.NONE, PostOpAttr.NONE);

    public WccData {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static WccData of(WccAttr before, Fattr3 after) {
        return new WccData(PreOpAttr.of(before), PostOpAttr.of(after));
    }
}
