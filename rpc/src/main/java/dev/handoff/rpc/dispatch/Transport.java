package dev.handoff.rpc.dispatch;

/** The transport a call arrived on; rpcbind's netids "tcp" and "udp". */
public enum Transport {
    TCP("tcp", 6),
    UDP("udp", 17);

    public final String netid;
    public final int ipProtocol;

    Transport(String netid, int ipProtocol) {
        this.netid = netid;
        this.ipProtocol = ipProtocol;
    }
}
