package dev.handoff.nlm.xdr;

/**
 * Procedure numbers of NLM (XNFS chapter 10 for versions 1 and 3, RFC 1813 appendix II for version 4, which
 * numbers its NLM4_ procedures alike), with the shapes each takes and returns. Version 1 has 0 to 15; 3 and
 * 4 add 20 to 23. The _MSG procedures are one-way: the server answers with a call of the matching _RES
 * procedure to the client's lock manager, carrying what the synchronous twin would have returned.
 */
public final class NlmProcedures {
    /** void → void. */
    public static final int NULL = 0;
    /** {@link TestArgs} → {@link TestResult}. */
    public static final int TEST = 1;
    /** {@link LockArgs} → {@link NlmResult}. */
    public static final int LOCK = 2;
    /** {@link CancelArgs} → {@link NlmResult}. */
    public static final int CANCEL = 3;
    /** {@link UnlockArgs} → {@link NlmResult}. */
    public static final int UNLOCK = 4;
    /** Server to client: {@link TestArgs} (the lock now granted) → {@link NlmResult}. */
    public static final int GRANTED = 5;
    /** {@link TestArgs} → void; answered by TEST_RES. */
    public static final int TEST_MSG = 6;
    /** {@link LockArgs} → void; answered by LOCK_RES. */
    public static final int LOCK_MSG = 7;
    /** {@link CancelArgs} → void; answered by CANCEL_RES. */
    public static final int CANCEL_MSG = 8;
    /** {@link UnlockArgs} → void; answered by UNLOCK_RES. */
    public static final int UNLOCK_MSG = 9;
    /** Server to client: {@link TestArgs} → void; answered by GRANTED_RES. */
    public static final int GRANTED_MSG = 10;
    /** {@link TestResult} → void. */
    public static final int TEST_RES = 11;
    /** {@link NlmResult} → void. */
    public static final int LOCK_RES = 12;
    /** {@link NlmResult} → void. */
    public static final int CANCEL_RES = 13;
    /** {@link NlmResult} → void. */
    public static final int UNLOCK_RES = 14;
    /** Client to server: {@link NlmResult} → void, the answer to GRANTED_MSG. */
    public static final int GRANTED_RES = 15;
    /** {@link ShareArgs} → {@link ShareResult}; versions 3 and 4. */
    public static final int SHARE = 20;
    /** {@link ShareArgs} → {@link ShareResult}; versions 3 and 4. */
    public static final int UNSHARE = 21;
    /** {@link LockArgs} → {@link NlmResult}: LOCK without NSM monitoring of the client; versions 3 and 4. */
    public static final int NM_LOCK = 22;
    /** {@link NotifyArgs} → void: drop everything the named client holds; versions 3 and 4. */
    public static final int FREE_ALL = 23;

    private NlmProcedures() {
    }
}
