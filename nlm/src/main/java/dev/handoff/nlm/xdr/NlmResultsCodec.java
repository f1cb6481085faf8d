package dev.handoff.nlm.xdr;

import static dev.handoff.nlm.xdr.NlmLimits.readNetobj;
import static dev.handoff.nlm.xdr.NlmLimits.writeNetobj;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;

/**
 * Codecs of NLM results (XNFS chapter 10; RFC 1813 appendix II for v4), both directions: the server writes
 * them as replies and as the arguments of its _RES calls, and reads the GRANTED_RES answers to its callbacks.
 * One instance per {@link NlmWire}: statuses are written through {@link NlmWire#onWire}, holder ranges
 * narrowed for v1/v3.
 */
public final class NlmResultsCodec {
    public static final NlmResultsCodec NLM3 = new NlmResultsCodec(NlmWire.NLM3);
    public static final NlmResultsCodec NLM4 = new NlmResultsCodec(NlmWire.NLM4);

    private final NlmWire wire;

    private NlmResultsCodec(NlmWire wire) {
        this.wire = wire;
    }

    public static NlmResultsCodec of(NlmWire wire) {
        return switch (wire) {
            case NLM3 -> NLM3;
            case NLM4 -> NLM4;
        };
    }

    public static NlmResultsCodec forVersion(int version) {
        return of(NlmWire.forVersion(version));
    }

    public NlmWire wire() {
        return wire;
    }

    // nlm_holder / nlm4_holder

    public NlmHolder readHolder(XdrDecoder in) {
        boolean exclusive = in.readBool();
        int svid = in.readInt();
        Opaque oh = readNetobj(in);
        long offset = wire.readUnsigned(in);
        return new NlmHolder(exclusive, svid, oh, offset, wire.readUnsigned(in));
    }

    /** Throws {@link NlmRangeException}, before writing anything, for a range v1/v3 cannot carry. */
    public void writeHolder(XdrEncoder out, NlmHolder holder) {
        wire.requireFits(holder.offset(), holder.length());
        out.writeBool(holder.exclusive()).writeInt(holder.svid());
        writeNetobj(out, holder.oh());
        wire.writeRange(out, holder.offset(), holder.length());
    }

    // TEST, TEST_RES

    public TestResult readTestResult(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        NlmStatus status = wire.readStatus(in);
        return switch (status) {
            case GRANTED -> new TestResult.Granted(cookie);
            case DENIED -> new TestResult.Denied(cookie, readHolder(in));
            case DEADLCK -> throw new XdrException("a TEST cannot answer DEADLCK");
            default -> new TestResult.Fail(cookie, status);
        };
    }

    /** Throws {@link NlmRangeException}, before writing anything, for a holder v1/v3 cannot carry. */
    public void writeTestResult(XdrEncoder out, TestResult result) {
        if (result instanceof TestResult.Denied denied) {
            wire.requireFits(denied.holder().offset(), denied.holder().length());
        }
        writeNetobj(out, result.cookie());
        wire.writeStatus(out, result.status());
        switch (result) {
            case TestResult.Granted granted -> { }
            case TestResult.Denied denied -> writeHolder(out, denied.holder());
            case TestResult.Fail fail -> { }
        }
    }

    // LOCK, CANCEL, UNLOCK, GRANTED, NM_LOCK and the matching _RES

    public NlmResult readResult(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        return new NlmResult(cookie, wire.readStatus(in));
    }

    public void writeResult(XdrEncoder out, NlmResult result) {
        writeNetobj(out, result.cookie());
        wire.writeStatus(out, result.status());
    }

    // SHARE, UNSHARE

    public ShareResult readShareResult(XdrDecoder in) {
        Opaque cookie = readNetobj(in);
        NlmStatus status = wire.readStatus(in);
        return new ShareResult(cookie, status, in.readInt());
    }

    public void writeShareResult(XdrEncoder out, ShareResult result) {
        writeNetobj(out, result.cookie());
        wire.writeStatus(out, result.status());
        out.writeInt(result.sequence());
    }
}
