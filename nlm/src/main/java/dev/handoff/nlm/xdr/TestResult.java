package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_testres / nlm4_testres: the result of TEST and the argument of TEST_RES. Its {@code nlm_testrply} is a
 * union on the status: DENIED carries the conflicting {@link NlmHolder}, every other status nothing.
 */
public sealed interface TestResult {
    /** The call's cookie, echoed. */
    Opaque cookie();

    NlmStatus status();

    /** The lock would be granted. */
    record Granted(Opaque cookie) implements TestResult {
        public Granted {
            NlmLimits.requireNetobj(cookie, "cookie");
        }

        @Override
        public NlmStatus status() {
            return NlmStatus.GRANTED;
        }
    }

    /**
     * The lock conflicts with {@code holder}. A v1/v3 client can only be told of a holder whose range fits 32
     * bits ({@link NlmWire#fits}); for another, answer {@code Fail(FBIG)}.
     */
    record Denied(Opaque cookie, NlmHolder holder) implements TestResult {
        public Denied {
            NlmLimits.requireNetobj(cookie, "cookie");
            Objects.requireNonNull(holder, "holder");
        }

        @Override
        public NlmStatus status() {
            return NlmStatus.DENIED;
        }
    }

    /**
     * The test could not be made: grace period, no resources, a stale handle and so on. Not DEADLCK: a TEST
     * never waits, and v1/v3 would have to send it as DENIED, which needs a holder.
     */
    record Fail(Opaque cookie, NlmStatus status) implements TestResult {
        public Fail {
            NlmLimits.requireNetobj(cookie, "cookie");
            Objects.requireNonNull(status, "status");
            if (status == NlmStatus.GRANTED || status == NlmStatus.DENIED || status == NlmStatus.DEADLCK) {
                throw new IllegalArgumentException("a failed TEST cannot answer " + status);
            }
        }
    }
}
