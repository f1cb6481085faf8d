package dev.handoff.server.linux;

import java.util.Objects;

/**
 * What name_to_handle_at(2) returns: the handle and the id of the mount it was taken on. The mount id is only
 * meaningful on this machine until the next mount; it picks the mount descriptor for open_by_handle_at and
 * is never put in a handle that leaves the process.
 */
public record NamedHandle(KernelHandle handle, int mountId) {
    public NamedHandle {
        Objects.requireNonNull(handle, "handle");
    }
}
