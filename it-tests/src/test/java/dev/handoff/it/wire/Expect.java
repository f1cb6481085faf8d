package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsResponseBase;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Expectations inside a check. Each failure names the call as sent ("LOOKUP(rw, \"..\")"), what RFC 1813 (or
 * Linux knfsd, where the RFC leaves it open) leads us to expect, and what came back: a failing check is a bug
 * report and must read as one.
 */
final class Expect {
    private Expect() {
    }

    static <R extends NfsResponseBase> R ok(R response, String call) throws CheckFailed {
        return status(response, NfsStatus.NFS3_OK, call);
    }

    static <R extends NfsResponseBase> R status(R response, NfsStatus expected, String call) throws CheckFailed {
        if (response.getState() != expected.getValue()) {
            throw new CheckFailed(call + ": expected " + Statuses.name(expected.getValue()) + ", got "
                    + WireClient.status(response));
        }
        return response;
    }

    /** For calls where the RFC and knfsd differ, any of the statuses either would give. */
    static <R extends NfsResponseBase> R oneOf(R response, String call, NfsStatus... allowed) throws CheckFailed {
        for (NfsStatus s : allowed) {
            if (response.getState() == s.getValue()) {
                return response;
            }
        }
        throw new CheckFailed(call + ": expected one of " + Arrays.stream(allowed)
                .map(s -> Statuses.name(s.getValue())).collect(Collectors.joining("/")) + ", got "
                + WireClient.status(response));
    }

    static void isTrue(boolean condition, String failure) throws CheckFailed {
        if (!condition) {
            throw new CheckFailed(failure);
        }
    }

    static void equal(Object expected, Object actual, String what) throws CheckFailed {
        if (!Objects.equals(expected, actual)) {
            throw new CheckFailed(what + ": expected " + expected + ", got " + actual);
        }
    }

    static void equalBytes(byte[] expected, byte[] actual, String what) throws CheckFailed {
        if (!Arrays.equals(expected, actual)) {
            throw new CheckFailed(what + ": " + (actual == null ? "no bytes" : actual.length + " bytes")
                    + " differ from the " + expected.length + " expected (first difference at byte "
                    + (actual == null ? 0 : Arrays.mismatch(expected, actual)) + ")");
        }
    }

    static String octal(long mode) {
        return "0" + Long.toOctalString(mode & 07777);
    }
}
