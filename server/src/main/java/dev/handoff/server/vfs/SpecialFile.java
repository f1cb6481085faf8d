package dev.handoff.server.vfs;

/** What MKNOD makes (RFC 1813 §3.3.11). */
public sealed interface SpecialFile {
    record Fifo() implements SpecialFile {
    }

    record Socket() implements SpecialFile {
    }

    record CharDevice(int major, int minor) implements SpecialFile {
    }

    record BlockDevice(int major, int minor) implements SpecialFile {
    }
}
