package dev.handoff.nsm;

import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmName;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.nsm.xdr.SmStat;
import dev.handoff.nsm.xdr.SmStatRes;
import dev.handoff.nsm.xdr.StatChge;
import dev.handoff.rpc.dispatch.CallContext;

/**
 * The NSM procedures (XNFS chapter 11) over {@link NsmService}. SM_MON, SM_UNMON, SM_UNMON_ALL and
 * SM_SIMU_CRASH change what this server watches or tell every client it restarted, so, as rpc.statd does,
 * they are refused to any caller not on a loopback address: SM_MON with STAT_FAIL, the others by doing nothing
 * and answering our state number. (statd answers the same; an AUTH_ERROR is not something a handler can send,
 * and the lock manager that has a right to these is in this process and does not call over RPC anyway.)
 * SM_STAT and SM_NOTIFY are open to every host.
 */
final class NsmHandlers {
    private final NsmService service;

    NsmHandlers(NsmService service) {
        this.service = service;
    }

    /** SM_STAT (XNFS §11, procedure 1). */
    SmStatRes stat(CallContext call, SmName args) {
        return service.stat(args.monName());
    }

    /** SM_MON (procedure 2), local callers only. */
    SmStatRes mon(CallContext call, Mon args) {
        if (!local(call, "SM_MON")) {
            return new SmStatRes(SmRes.STAT_FAIL, service.state());
        }
        return service.monitor(args);
    }

    /** SM_UNMON (procedure 3), local callers only. */
    SmStat unmon(CallContext call, MonId args) {
        return new SmStat(local(call, "SM_UNMON") ? service.unmonitor(args) : service.state());
    }

    /** SM_UNMON_ALL (procedure 4), local callers only. */
    SmStat unmonAll(CallContext call, MyId args) {
        return new SmStat(local(call, "SM_UNMON_ALL") ? service.unmonitorAll(args) : service.state());
    }

    /** SM_SIMU_CRASH (procedure 5), local callers only. */
    Void simuCrash(CallContext call, Void args) {
        if (local(call, "SM_SIMU_CRASH")) {
            service.simulateCrash();
        }
        return null;
    }

    /** SM_NOTIFY (procedure 6): a peer restarted. A notice about a host nobody monitors changes nothing. */
    Void notify(CallContext call, StatChge args) {
        service.peerRebooted(args.monName(), args.state(), call.peer().remote().getAddress());
        return null;
    }

    private boolean local(CallContext call, String procedure) {
        if (call.peer().remote().getAddress().isLoopbackAddress()) {
            return true;
        }
        service.refusedRemote(procedure, call.peer().remote());
        return false;
    }
}
