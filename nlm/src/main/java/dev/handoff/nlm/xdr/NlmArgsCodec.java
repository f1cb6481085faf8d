package dev.handoff.nlm.xdr;

import static dev.handoff.nlm.xdr.NlmLimits.LM_MAXNAMELEN;
import static dev.handoff.nlm.xdr.NlmLimits.LM_MAXSTRLEN;
import static dev.handoff.nlm.xdr.NlmLimits.readNetobj;
import static dev.handoff.nlm.xdr.NlmLimits.writeNetobj;
import static dev.handoff.nlm.xdr.NlmLimits.writeString;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;

/**
 * Codecs of NLM call arguments (XNFS chapter 10; RFC 1813 appendix II for v4), both directions: the server
 * reads clients' calls and writes its GRANTED callbacks, whose argument is a {@link TestArgs}. One instance per
 * {@link NlmWire}; only the lock's range differs between them. The _MSG procedures take the same arguments as
 * their synchronous twins.
 */
public final class NlmArgsCodec {
    public static final NlmArgsCodec NLM3 = new NlmArgsCodec(NlmWire.NLM3);
    public static final NlmArgsCodec NLM4 = new NlmArgsCodec(NlmWire.NLM4);

    private final NlmWire wire;

    private NlmArgsCodec(NlmWire wire) {
        this.wire = wire;
    }

    public static NlmArgsCodec of(NlmWire wire) {
        return switch (wire) {
            case NLM3 -> NLM3;
            case NLM4 -> NLM4;
        };
    }

    public static NlmArgsCodec forVersion(int version) {
        return of(NlmWire.forVersion(version));
    }

    public NlmWire wire() {
        return wire;
    }

    // nlm_lock / nlm4_lock

    public NlmLock readLock(XdrDecoder in) {
        String callerName = in.readString(LM_MAXSTRLEN);
        Opaque fh = readNetobj(in);
        Opaque oh = readNetobj(in);
        int svid = in.readInt();
        long offset = wire.readUnsigned(in);
        return new NlmLock(callerName, fh, oh, svid, offset, wire.readUnsigned(in));
    }

    /** Throws {@link NlmRangeException}, before writing anything, for a range v1/v3 cannot carry. */
    public void writeLock(XdrEncoder out, NlmLock lock) {
        requireFits(lock);
        writeString(out, lock.callerName(), LM_MAXSTRLEN, "caller_name");
        writeNetobj(out, lock.fh());
        writeNetobj(out, lock.oh());
        out.writeInt(lock.svid());
        wire.writeRange(out, lock.offset(), lock.length());
    }

    // TEST, TEST_MSG, GRANTED, GRANTED_MSG

    public TestArgs readTestArgs(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        boolean exclusive = in.readBool();
        return new TestArgs(cookie, exclusive, readLock(in));
    }

    public void writeTestArgs(XdrEncoder out, TestArgs args) {
        requireFits(args.lock());
        writeNetobj(out, args.cookie());
        out.writeBool(args.exclusive());
        writeLock(out, args.lock());
    }

    // LOCK, LOCK_MSG, NM_LOCK

    public LockArgs readLockArgs(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        boolean block = in.readBool();
        boolean exclusive = in.readBool();
        NlmLock lock = readLock(in);
        boolean reclaim = in.readBool();
        return new LockArgs(cookie, block, exclusive, lock, reclaim, in.readInt());
    }

    public void writeLockArgs(XdrEncoder out, LockArgs args) {
        requireFits(args.lock());
        writeNetobj(out, args.cookie());
        out.writeBool(args.block()).writeBool(args.exclusive());
        writeLock(out, args.lock());
        out.writeBool(args.reclaim()).writeInt(args.state());
    }

    // CANCEL, CANCEL_MSG

    public CancelArgs readCancelArgs(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        boolean block = in.readBool();
        boolean exclusive = in.readBool();
        return new CancelArgs(cookie, block, exclusive, readLock(in));
    }

    public void writeCancelArgs(XdrEncoder out, CancelArgs args) {
        requireFits(args.lock());
        writeNetobj(out, args.cookie());
        out.writeBool(args.block()).writeBool(args.exclusive());
        writeLock(out, args.lock());
    }

    // UNLOCK, UNLOCK_MSG

    public UnlockArgs readUnlockArgs(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        return new UnlockArgs(cookie, readLock(in));
    }

    public void writeUnlockArgs(XdrEncoder out, UnlockArgs args) {
        requireFits(args.lock());
        writeNetobj(out, args.cookie());
        writeLock(out, args.lock());
    }

    // SHARE, UNSHARE: the same layout in v3 and v4

    public ShareArgs readShareArgs(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        String callerName = in.readString(LM_MAXSTRLEN);
        Opaque fh = readNetobj(in);
        Opaque oh = readNetobj(in);
        ShareMode mode = in.readEnum(ShareMode::of);
        ShareAccess access = in.readEnum(ShareAccess::of);
        return new ShareArgs(cookie, new NlmShare(callerName, fh, oh, mode, access), in.readBool());
    }

    public void writeShareArgs(XdrEncoder out, ShareArgs args) {
        NlmShare share = args.share();
        writeNetobj(out, args.cookie());
        writeString(out, share.callerName(), LM_MAXSTRLEN, "caller_name");
        writeNetobj(out, share.fh());
        writeNetobj(out, share.oh());
        out.writeEnum(share.mode().value()).writeEnum(share.access().value());
        out.writeBool(args.reclaim());
    }

    // FREE_ALL: the name may be one byte longer than a caller_name (MAXNAMELEN = LM_MAXSTRLEN + 1)

    public NotifyArgs readNotifyArgs(XdrDecoder in) {
        String name = in.readString(LM_MAXNAMELEN);
        return new NotifyArgs(name, in.readInt());
    }

    public void writeNotifyArgs(XdrEncoder out, NotifyArgs args) {
        writeString(out, args.name(), LM_MAXNAMELEN, "name");
        out.writeInt(args.state());
    }

    private void requireFits(NlmLock lock) {
        wire.requireFits(lock.offset(), lock.length());
    }
}
