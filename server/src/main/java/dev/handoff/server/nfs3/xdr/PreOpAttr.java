package dev.handoff.server.nfs3.xdr;

/**
 * pre_op_attr (RFC 1813 §2.6): the object's {@link WccAttr} before the operation, or none when the server
 * could not take them atomically with it ({@code attributes} is then null).
 */
public record PreOpAttr(WccAttr attributes) {
    public static final PreOpAttr NONE = new PreOpAttr(null);

    public static PreOpAttr of(WccAttr attributes) {
        return attributes == null ? NONE : new PreOpAttr(attributes);
    }

    public boolean isPresent() {
        return attributes != null;
    }

    public int encodedSize() {
        return 4 + (attributes == null ? 0 : WccAttr.ENCODED_SIZE);
    }
}
