package dev.handoff.nlm.proc;

import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.callback.CallbackTarget;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.LockInput;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.Result;
import dev.handoff.nlm.xdr.CancelArgs;
import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmHolder;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.NlmWire;
import dev.handoff.nlm.xdr.NotifyArgs;
import dev.handoff.nlm.xdr.ShareArgs;
import dev.handoff.nlm.xdr.ShareResult;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.nlm.xdr.TestResult;
import dev.handoff.nlm.xdr.UnlockArgs;
import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous NLM procedures of one version (XNFS §10; RFC 1813 appendix II for v4): each checks the file
 * handle through {@link NlmFiles}, turns its arguments into a {@link LockInput}, and answers the manager's status
 * with the call's own cookie. The _MSG forms ({@link NlmMessages}) run these same methods.
 */
public final class NlmHandlers {
    private static final Logger log = LoggerFactory.getLogger(NlmHandlers.class);
    private final int version;
    private final NlmWire wire;
    private final NlmService service;
    private final NlmFiles files;

    public NlmHandlers(int version, NlmService service, NlmFiles files) {
        this.version = version;
        this.wire = NlmWire.forVersion(version);
        this.service = service;
        this.files = files;
    }

    public int version() {
        return version;
    }

    NlmService service() {
        return service;
    }

    /** NLM_TEST: GRANTED, or DENIED with the first conflicting holder. */
    public TestResult test(CallContext call, TestArgs a) {
        FileLookup f = files.lookup(a.lock().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            // A refused caller (an address the export does not list) is DENIED elsewhere, but a TEST's DENIED
            // must name a holder, and there is none to tell it of: DENIED_NOLOCKS, as for no holder below.
            return new TestResult.Fail(a.cookie(), r.status() == NlmStatus.DENIED ? NlmStatus.DENIED_NOLOCKS
                    : r.status());
        }
        Result r = service.submit(new LockInput.Test(key(f), NlmRequests.lock(a.lock(), a.exclusive()), now()),
                Caller.of(call.peer(), false));
        if (r.holder().isPresent()) {
            NlmHolder holder = NlmRequests.holder(r.holder().get());
            // A v1/v3 client cannot be told of a holder beyond 4 GiB; FBIG reaches it as DENIED_NOLOCKS.
            return wire.fits(holder.offset(), holder.length()) ? new TestResult.Denied(a.cookie(), holder)
                    : new TestResult.Fail(a.cookie(), NlmStatus.FBIG);
        }
        NlmStatus status = NlmRequests.status(r.status());
        return switch (status) {
            case GRANTED -> new TestResult.Granted(a.cookie());
            // DENIED without a holder cannot be said on the wire; it does not happen, but be safe.
            case DENIED, DEADLCK -> new TestResult.Fail(a.cookie(), NlmStatus.DENIED_NOLOCKS);
            default -> new TestResult.Fail(a.cookie(), status);
        };
    }

    /** NLM_LOCK: monitors the client (SM_MON) before its first lock. */
    public NlmResult lock(CallContext call, LockArgs a) {
        return lock(call, a, true);
    }

    /** NLM_NM_LOCK: LOCK from a client that runs no status monitor; it is not watched. */
    public NlmResult nmLock(CallContext call, LockArgs a) {
        return lock(call, a, false);
    }

    private NlmResult lock(CallContext call, LockArgs a, boolean monitor) {
        if (impostor(call, a.lock().callerName(), "LOCK")) {
            return new NlmResult(a.cookie(), NlmStatus.DENIED_NOLOCKS);
        }
        FileLookup f = files.lookup(a.lock().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            return new NlmResult(a.cookie(), r.status());
        }
        Opaque cookie = a.block() ? service.nextGrantCookie() : Opaque.EMPTY;
        Opaque replyTo = a.block() ? target(call, a.lock().fh()).encode() : Opaque.EMPTY;
        Result r = service.submit(new LockInput.Lock(key(f), NlmRequests.lock(a.lock(), a.exclusive()), a.block(),
                a.reclaim(), cookie, replyTo, now()), Caller.of(call.peer(), monitor));
        if (a.reclaim()) {
            // Rare (after our restarts only) and what an operator checks recovery by.
            log.info("{} reclaimed a lock: {}", a.lock().callerName(), r.status());
        }
        return new NlmResult(a.cookie(), NlmRequests.status(r.status()));
    }

    /** NLM_CANCEL of a queued blocking LOCK. */
    public NlmResult cancel(CallContext call, CancelArgs a) {
        if (impostor(call, a.lock().callerName(), "CANCEL")) {
            return new NlmResult(a.cookie(), NlmStatus.DENIED_NOLOCKS);
        }
        FileLookup f = files.lookup(a.lock().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            return new NlmResult(a.cookie(), r.status());
        }
        RangeLock lock = NlmRequests.lock(a.lock(), a.exclusive());
        Result r = service.submit(new LockInput.Cancel(key(f), lock, now()), Caller.of(call.peer(), false));
        return new NlmResult(a.cookie(), NlmRequests.status(r.status()));
    }

    /** NLM_UNLOCK. */
    public NlmResult unlock(CallContext call, UnlockArgs a) {
        if (impostor(call, a.lock().callerName(), "UNLOCK")) {
            return new NlmResult(a.cookie(), NlmStatus.DENIED_NOLOCKS);
        }
        FileLookup f = files.lookup(a.lock().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            return new NlmResult(a.cookie(), r.status());
        }
        Result r = service.submit(new LockInput.Unlock(key(f), NlmRequests.owner(a.lock()),
                NlmRequests.range(a.lock()), now()), Caller.of(call.peer(), false));
        return new NlmResult(a.cookie(), NlmRequests.status(r.status()));
    }

    /**
     * NLM_GRANTED sent to us: only a client's lock manager waits for grants, and this server has no blocked
     * requests of its own, so no lock matches; the client side of lockd answers DENIED then.
     */
    public NlmResult granted(CallContext call, TestArgs a) {
        return new NlmResult(a.cookie(), NlmStatus.DENIED);
    }

    /** NLM_SHARE (versions 3 and 4). */
    public ShareResult share(CallContext call, ShareArgs a) {
        FileLookup f = files.lookup(a.share().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            return new ShareResult(a.cookie(), r.status(), 0);
        }
        Result r = service.submit(new LockInput.Share(key(f), NlmRequests.share(a.share()), a.reclaim(), now()),
                Caller.of(call.peer(), true));
        return new ShareResult(a.cookie(), NlmRequests.status(r.status()), 0);
    }

    /** NLM_UNSHARE (versions 3 and 4). */
    public ShareResult unshare(CallContext call, ShareArgs a) {
        if (impostor(call, a.share().callerName(), "UNSHARE")) {
            return new ShareResult(a.cookie(), NlmStatus.DENIED_NOLOCKS, 0);
        }
        FileLookup f = files.lookup(a.share().fh(), call.peer());
        if (f instanceof FileLookup.Refused r) {
            return new ShareResult(a.cookie(), r.status(), 0);
        }
        Result r = service.submit(new LockInput.Unshare(key(f), NlmRequests.shareOwner(a.share()), now()),
                Caller.of(call.peer(), false));
        return new ShareResult(a.cookie(), NlmRequests.status(r.status()), 0);
    }

    /** NLM_FREE_ALL (versions 3 and 4): the named client restarted and holds nothing. */
    public Void freeAll(CallContext call, NotifyArgs a) {
        if (impostor(call, a.name(), "FREE_ALL")) {
            return null;
        }
        service.submit(new LockInput.FreeAll(a.name(), now()), Caller.of(call.peer(), false));
        return null;
    }

    /**
     * A request in the name of a client watched at another address: refused (DENIED_NOLOCKS, what lockd answers
     * a host it cannot match), or anyone who learns a caller_name, svid and owner handle could release, split or
     * downgrade that client's locks.
     */
    private boolean impostor(CallContext call, String callerName, String procedure) {
        InetAddress from = call.peer().remote().getAddress();
        if (service.speaksFor(callerName, from)) {
            return false;
        }
        log.warn("NLM {} in the name of {} from {} refused: that client locks from another address", procedure,
                callerName, from);
        return true;
    }

    /** Where GRANTED for this call's lock goes: back to the caller, from the address it reached. */
    CallbackTarget target(CallContext call, Opaque fh) {
        return new CallbackTarget(call.peer().remote().getAddress(),
                call.peer().local() == null ? null : call.peer().local().getAddress(), version,
                call.peer().transport(), fh);
    }

    private Instant now() {
        return service.clock().instant();
    }

    private static FileKey key(FileLookup f) {
        return ((FileLookup.Found) f).key();
    }
}
