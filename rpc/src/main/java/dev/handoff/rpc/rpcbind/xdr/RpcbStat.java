package dev.handoff.rpc.rpcbind.xdr;

import java.util.List;
import java.util.Objects;

/**
 * RFC 1833 §2.2 {@code struct rpcb_stat}: what one rpcbind version has been asked. RPCBPROC_GETSTAT answers
 * with {@link #VERSIONS} of these (versions 2, 3 and 4, in that order).
 *
 * @param procedureCalls info: calls per procedure number, exactly {@link #PROCEDURES} counters
 * @param sets           setinfo: successful SETs
 * @param unsets         unsetinfo: successful UNSETs
 * @param lookups        addrinfo: GETPORT/GETADDR lookups per program, version and netid
 * @param remoteCalls    rmtinfo: CALLIT/INDIRECT forwards
 */
public record RpcbStat(List<Integer> procedureCalls, int sets, int unsets, List<AddrStat> lookups,
                       List<RemoteCallStat> remoteCalls) {
    /** RPCBSTAT_HIGHPROC: procedures of version 4, plus one. */
    public static final int PROCEDURES = 13;
    /** RPCBVERS_STAT: statistics are kept for versions 2, 3 and 4. */
    public static final int VERSIONS = 3;

    public RpcbStat {
        procedureCalls = List.copyOf(procedureCalls);
        if (procedureCalls.size() != PROCEDURES) {
            throw new IllegalArgumentException("rpcbs_proc has " + PROCEDURES + " counters, not "
                    + procedureCalls.size());
        }
        lookups = List.copyOf(lookups);
        remoteCalls = List.copyOf(remoteCalls);
    }

    /** {@code struct rpcbs_addrlist} without its link. */
    public record AddrStat(int program, int version, int successes, int failures, String netid) {
        public AddrStat {
            Objects.requireNonNull(netid, "netid");
        }
    }

    /** {@code struct rpcbs_rmtcalllist} without its link. */
    public record RemoteCallStat(int program, int version, int procedure, int successes, int failures,
                                 int indirect, String netid) {
        public RemoteCallStat {
            Objects.requireNonNull(netid, "netid");
        }
    }
}
