package dev.handoff.rpc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.handoff.rpc.message.CallDecoding;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RFC 5531 §9 call header with its credential and verifier (AUTH_SYS bodies parsed, appendix A):
 * {@link RpcMessageCodec#decodeCall} must classify every record as a call, a call to refuse or bytes to
 * ignore, never throw. Input: one record.
 */
@Tag("long-form")
class CallHeaderFuzzTest {
    static {
        FuzzLeaks.install();
    }

    @RegisterExtension
    static final FuzzRun RUN = new FuzzRun("rpc");

    @FuzzTest
    void everyRecordIsACallARefusalOrIgnored(byte[] input) {
        RUN.count();
        FuzzChecks.withinAllocationBound(input.length, 0, () -> {
            ByteBuf record = FuzzChecks.record(input);
            CallDecoding decoded = RpcMessageCodec.decodeCall(new XdrDecoder(record));
            switch (decoded) {
                case CallDecoding.Ok ok -> {
                    if (ok.header().credential() == null) {
                        throw new AssertionError("a call without a credential");
                    }
                }
                case CallDecoding.Reject reject -> {
                    if (reject.reply() == null) {
                        throw new AssertionError("a refusal without a reply");
                    }
                }
                case CallDecoding.Ignore ignore -> {
                    if (input.length >= 8 && input[4] == 0 && input[5] == 0 && input[6] == 0 && input[7] == 0) {
                        throw new AssertionError("a CALL ignored: " + ignore.reason());
                    }
                }
            }
            FuzzChecks.release(record);
        });
        FuzzLeaks.assertNone();
    }
}
