package dev.handoff.server.vfs.local;

import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.vfs.VfsException;

/** The one place where the native layer's failures become the SPI's: the errno is kept as it is. */
final class VfsErrors {
    private VfsErrors() {
    }

    static VfsException of(ErrnoException e) {
        return new VfsException(e.errno(), e.getMessage());
    }
}
