package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * entryplus3 (RFC 1813 §3.3.17): an {@link Entry3} with the named object's attributes and handle, either of
 * which the server may leave out ({@code nameHandle} is post_op_fh3: null when absent).
 */
public record EntryPlus3(long fileid, Filename3 name, long cookie, PostOpAttr nameAttributes,
                         FileHandle3 nameHandle) implements DirEntry3 {
    public EntryPlus3 {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameAttributes, "nameAttributes");
    }

    @Override
    public int encodedSize() {
        return directorySize() + nameAttributes.encodedSize() + Nfs3Xdr.postOpHandleSize(nameHandle);
    }
}
