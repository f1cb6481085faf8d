package dev.handoff.nlm;

import dev.handoff.nlm.proc.ClientMonitor;
import dev.handoff.nsm.NsmService;
import dev.handoff.nsm.state.HostNames;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.SmRes;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The lock manager's use of the in-process status monitor, as lockd uses statd (XNFS chapter 11): SM_MON with
 * {@code mon_name = caller_name} and lockd's own {@code my_id} (program 100021, version 3, procedure 16), our
 * restart told to the client under the address its request reached (the name it mounted, for now), and reboot
 * notices of a watched client routed to {@link NlmService#clientRebooted}.
 */
public final class NsmClientMonitor implements ClientMonitor {
    /** The callback the Linux kernel's lockd registers: NLMPROC_NSM_NOTIFY of version 3. */
    public static final MyId MY_ID = new MyId("handoff", NlmProgram.PROGRAM, 3, 16);
    private static final Opaque NO_PRIV = Opaque.copyOf(new byte[Mon.PRIV_SIZE]);

    private final NsmService nsm;

    public NsmClientMonitor(NsmService nsm) {
        this.nsm = Objects.requireNonNull(nsm);
    }

    /** Routes reboot notices of the clients this monitor watches to {@code locks}. */
    public void deliverRebootsTo(NlmService locks) {
        nsm.register(MY_ID, (monName, state, priv) -> locks.clientRebooted(monName, state));
    }

    @Override
    public boolean monitor(String callerName, InetAddress client, InetAddress local) {
        ServerName knownAs = local != null && !local.isAnyLocalAddress() ? ServerName.of(local)
                : ServerName.host(MY_ID.myName());
        return nsm.monitor(new Mon(new MonId(callerName, MY_ID), NO_PRIV), client, knownAs).resStat()
                == SmRes.STAT_SUCC;
    }

    /** True unless {@code callerName} is watched for us, and only at addresses other than {@code from}. */
    @Override
    public boolean speaksFor(String callerName, InetAddress from) {
        String name = HostNames.normalize(callerName);
        boolean watchedElsewhere = false;
        for (Monitor m : nsm.monitors()) {
            if (m.address() == null || !m.id().myId().equals(MY_ID) || !HostNames.normalize(m.monName()).equals(name)) {
                continue;
            }
            if (m.address().equals(from)) {
                return true;
            }
            watchedElsewhere = true;
        }
        return !watchedElsewhere;
    }
}
