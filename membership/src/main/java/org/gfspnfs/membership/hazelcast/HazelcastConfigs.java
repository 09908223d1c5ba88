package org.gfspnfs.membership.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Timing;

/**
 * Builds the Hazelcast configuration of one node from {@code cluster.conf}, programmatically (no hazelcast.xml is
 * ever read): cluster name, TCP-IP join with exactly the configured members (no multicast, no auto-detection, no
 * cloud discovery), bound to the configured address only, heartbeat and failure timeout from {@code <timing>},
 * phone-home and the shutdown hook off, logging through SLF4J. We use Hazelcast for membership and failure
 * detection only (DESIGN.md): no data structure of it carries anything that matters.
 */
final class HazelcastConfigs {
    /** Few partitions: we store nothing, and fewer partitions make joins and merges cheaper. */
    private static final int PARTITIONS = 7;
    private static final int JOIN_CONNECT_SECONDS = 2;

    private HazelcastConfigs() {
    }

    static Config build(ClusterConf conf, ClusterNode self, long incarnation) throws UnknownHostException {
        Config config = new Config();
        config.setClusterName(conf.name());
        config.setInstanceName("gfspnfs-" + conf.name() + "-" + self.name() + "-" + incarnation);
        Timing timing = conf.timing();
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        config.setProperty("hazelcast.partition.count", Integer.toString(PARTITIONS));
        config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(seconds(timing.heartbeat())));
        config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(seconds(timing.failureTimeout())));
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getMemberAttributeConfig().setAttributes(MemberAttributes.of(conf, self, incarnation));
        network(config.getNetworkConfig(), conf, self);
        return config;
    }

    private static void network(NetworkConfig network, ClusterConf conf, ClusterNode self)
            throws UnknownHostException {
        HostPort bind = self.membership();
        network.setPort(bind.port()).setPortAutoIncrement(false).setPortCount(1).setReuseAddress(true);
        if (!bind.isWildcard()) {
            String ip = InetAddress.getByName(bind.host()).getHostAddress();
            network.getInterfaces().setEnabled(true).addInterface(ip);
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(JOIN_CONNECT_SECONDS);
        for (HostPort member : conf.membershipAddresses()) {
            tcp.addMember(member.toString());
        }
    }

    /** Hazelcast counts these in whole seconds: round up, at least one. */
    private static long seconds(Duration duration) {
        long ms = duration.toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}
