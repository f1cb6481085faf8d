package dev.handoff.cluster.membership;

import java.util.List;
import java.util.Objects;

/** How a member finds the others: a fixed list, or the DNS records of a Kubernetes headless Service. */
public sealed interface Discovery {
    /** A member list longer than this is a configuration mistake, not a cluster. */
    int MAX_MEMBERS = 64;
    /** RFC 1035 §2.3.4: a name is at most 255 octets; addresses with a port fit well under it. */
    int MAX_NAME = 255;

    /** Static member list, each {@code host} or {@code host:port} (the port defaults to the node's own). */
    record TcpIp(List<String> members) implements Discovery {
        public TcpIp {
            members = List.copyOf(members);
            if (members.isEmpty() || members.size() > MAX_MEMBERS) {
                throw new IllegalArgumentException("member list must have 1.." + MAX_MEMBERS + " entries");
            }
            members.forEach(m -> checkName(m, "member"));
        }
    }

    /**
     * Hazelcast's built-in Kubernetes discovery in DNS lookup mode: the A records of a headless Service
     * (e.g. {@code handoff.ns.svc.cluster.local}) name the pods; needs no API access or service account.
     */
    record KubernetesDns(String serviceDns, int servicePort) implements Discovery {
        public KubernetesDns {
            checkName(serviceDns, "service DNS name");
            if (servicePort < 1 || servicePort > 65535) {
                throw new IllegalArgumentException("service port out of range: " + servicePort);
            }
        }
    }

    private static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " must have 1.." + MAX_NAME + " characters");
        }
    }
}
