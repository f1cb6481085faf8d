package dev.handoff.server.nfs3.xdr;

/**
 * post_op_attr (RFC 1813 §2.6): the object's attributes after the operation, or none ({@code attributes} is
 * null) when they could not be had; a client then fetches them with GETATTR.
 */
public record PostOpAttr(Fattr3 attributes) {
    public static final PostOpAttr NONE = new PostOpAttr(null);

    public static PostOpAttr of(Fattr3 attributes) {
        return attributes == null ? NONE : new PostOpAttr(attributes);
    }

    public boolean isPresent() {
        return attributes != null;
    }

    public int encodedSize() {
        return 4 + (attributes == null ? 0 : Fattr3.ENCODED_SIZE);
    }
}
