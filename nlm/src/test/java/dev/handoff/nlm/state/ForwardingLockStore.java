package dev.handoff.nlm.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * A lock store that passes every call to another; tests override the one call they need to change (a rival
 * commit slipped in, a store that keeps no counts). In the nlm test jar for the other modules' tests too.
 */
public class ForwardingLockStore implements LockStore {
    protected final LockStore inner;

    public ForwardingLockStore(LockStore inner) {
        this.inner = inner;
    }

    @Override
    public FileLocks load(FileKey file) {
        return inner.load(file);
    }

    @Override
    public boolean commit(FileLocks expected, FileLocks next) {
        return inner.commit(expected, next);
    }

    @Override
    public Set<FileKey> withRecords(Collection<FileKey> files) {
        return inner.withRecords(files);
    }

    @Override
    public Set<FileKey> filesOf(String callerName) {
        return inner.filesOf(callerName);
    }

    @Override
    public ClientUsage usage(String callerName) {
        return inner.usage(callerName);
    }

    @Override
    public Collection<FileKey> due(Instant now) {
        return inner.due(now);
    }

    @Override
    public Grace grace() {
        return inner.grace();
    }

    @Override
    public boolean commitGrace(Grace expected, Grace next) {
        return inner.commitGrace(expected, next);
    }

    @Override
    public int fileCount() {
        return inner.fileCount();
    }

    @Override
    public LockTally tally() {
        return inner.tally();
    }
}
