package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_testargs / nlm4_testargs: the argument of TEST and TEST_MSG (would this lock be granted?), and of
 * GRANTED and GRANTED_MSG, the server's call back to a client whose blocked lock it has now granted.
 *
 * @param cookie echoed in the reply; for the _MSG form the only link between call and _RES
 */
public record TestArgs(Opaque cookie, boolean exclusive, NlmLock lock) {
    public TestArgs {
        NlmLimits.requireNetobj(cookie, "cookie");
        Objects.requireNonNull(lock, "lock");
    }
}
