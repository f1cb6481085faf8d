package dev.handoff.server.admin;

import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.RangeLock;

/**
 * One byte-range lock as the admin API shows it (XNFS §10, nlm4_lock).
 *
 * @param file      the lock key in hex: export id, then the file system's key for the inode
 * @param client    the holder's {@code caller_name}
 * @param svid      the holder's process id on the client
 * @param range     {@code offset+length} in bytes, {@code offset+eof} for "to the end of the file" (offsets are
 *                  unsigned 64-bit, which a JSON number would not always carry exactly)
 * @param exclusive a write lock; a read lock otherwise
 * @param state     {@link #GRANTED}, {@link #GRANTING} (granted to a waiter, its GRANTED callback unanswered) or
 *                  {@link #BLOCKED} (waiting for the lock)
 */
public record LockView(String file, String client, int svid, String range, boolean exclusive, String state) {
    public static final String GRANTED = "granted";
    public static final String GRANTING = "granting";
    public static final String BLOCKED = "blocked";

    static LockView of(FileKey file, RangeLock lock, String state) {
        return new LockView(file.toString(), lock.client(), lock.owner().svid(), lock.range().toString(),
                lock.type().exclusive(), state);
    }
}
