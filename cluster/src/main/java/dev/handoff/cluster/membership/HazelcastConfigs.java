package dev.handoff.cluster.membership;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.cluster.state.SharedStateConfig;
import com.hazelcast.config.IcmpFailureDetectorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import dev.handoff.cluster.vip.NodeId;
import java.util.Optional;

/**
 * Builds the Hazelcast member configuration from a {@link ClusterConfig}, programmatically (no XML or YAML is
 * looked for). Everything that could reach beyond the configured peers is off: multicast, cloud
 * auto-detection, the phone-home call and ICMP pings; the JVM shutdown hook too, since the server closes the
 * member itself after draining.
 */
public final class HazelcastConfigs {
    /** Maps whose names start with this are quorum-protected; the shared stores must use it. */
    public static final String PROTECTED_PREFIX = "handoff.";
    public static final String SPLIT_BRAIN_PROTECTION = "handoff-majority";
    static final String ATTR_NODE = "handoff.node";
    static final String ATTR_WITNESS = "handoff.witness";

    private HazelcastConfigs() {
    }

    public static Config build(ClusterConfig cc, MembershipListener members) {
        Config c = new Config();
        c.setClusterName(cc.clusterName());
        c.setInstanceName("handoff-" + cc.nodeName().name());
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", seconds(cc.heartbeatInterval().toSeconds()));
        c.setProperty("hazelcast.max.no.heartbeat.seconds", seconds(cc.maxNoHeartbeat().toSeconds()));
        c.setProperty("hazelcast.wait.seconds.before.join", seconds(cc.joinWait().toSeconds()));
        c.setProperty("hazelcast.max.wait.seconds.before.join", seconds(Math.max(1, 2 * cc.joinWait().toSeconds())));
        c.setProperty("hazelcast.merge.first.run.delay.seconds", seconds(cc.mergeDelay().toSeconds()));
        c.setProperty("hazelcast.merge.next.run.delay.seconds", seconds(cc.mergeDelay().toSeconds()));
        // A write whose backup does not answer completes anyway after this long (5 s by default); MajorityWrites
        // counts no write that took that long, so the bound is set well above a slow but healthy write.
        c.setProperty(MajorityWrites.BACKUP_TIMEOUT_PROPERTY, Long.toString(MajorityWrites.BACKUP_TIMEOUT.toMillis()));
        c.getMemberAttributeConfig()
                .setAttribute(ATTR_NODE, cc.nodeName().name())
                .setAttribute(ATTR_WITNESS, Boolean.toString(cc.witness()));
        network(cc, c.getNetworkConfig());
        // A witness stays a data member: split-brain protection counts data members only, lite ones not at all.
        c.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(SPLIT_BRAIN_PROTECTION, true, cc.quorum())
                .setProtectOn(SplitBrainProtectionOn.WRITE));
        c.addMapConfig(new MapConfig(PROTECTED_PREFIX + "*").setSplitBrainProtectionName(SPLIT_BRAIN_PROTECTION));
        c.addListenerConfig(new ListenerConfig(members));
        return c;
    }

    private static void network(ClusterConfig cc, NetworkConfig net) {
        net.setPort(cc.port()).setPortAutoIncrement(false);
        // Off by default; said explicitly so that a default changing upstream cannot start pinging peers.
        net.setIcmpFailureDetectorConfig(new IcmpFailureDetectorConfig().setEnabled(false));
        if (!ClusterConfig.ANY_ADDRESS.equals(cc.bindAddress())) {
            net.getInterfaces().setEnabled(true).addInterface(cc.bindAddress());
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        switch (cc.discovery()) {
            case Discovery.TcpIp t -> join.getTcpIpConfig().setEnabled(true).setMembers(t.members())
                    .setConnectionTimeoutSeconds((int) Math.max(1, cc.joinWait().toSeconds()));
            case Discovery.KubernetesDns k -> join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", k.serviceDns())
                    .setProperty("service-port", Integer.toString(k.servicePort()));
        }
    }

    /** Our view of a Hazelcast member; empty for one started without our attributes (not a Handoff node). */
    static Optional<ClusterMember> member(Member m) {
        String name = m.getAttribute(ATTR_NODE);
        if (name == null || name.isEmpty() || name.length() > NodeId.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ClusterMember(new NodeId(name), Boolean.parseBoolean(m.getAttribute(ATTR_WITNESS))));
    }

    private static String seconds(long s) {
        return Long.toString(s);
    }
}
