package dev.handoff.server.vfs;

/** RFC 1813 stable_how, in order of strength. */
public enum Stability {
    UNSTABLE, DATA_SYNC, FILE_SYNC
}
