package org.gfspnfs.control.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.ConfException;
import org.gfspnfs.conf.HostPort;

/**
 * Where the control channel of every node is and which key file signs calls: what gfsctl (and the DS, to find the
 * MDS) needs from cluster.conf. A {@link Loader} turns a config file into one; {@link #fromConf} is the cluster-conf
 * one.
 */
public record ClusterDirectory(String clusterName, List<NodeEndpoint> nodes, Path keyFile) {
    public ClusterDirectory {
        Objects.requireNonNull(clusterName, "clusterName");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** Reads a cluster configuration file into a directory. */
    @FunctionalInterface
    public interface Loader {
        ClusterDirectory load(Path confFile) throws IOException, ConfigException;
    }

    /** The configuration cannot be used (not valid, or missing what the control channel needs). */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The loader for cluster.conf, via the cluster-conf module (errors carry file:line). */
    public static ClusterDirectory load(Path confFile) throws IOException, ConfigException {
        try {
            return fromConf(ClusterConfParser.parse(confFile));
        } catch (ConfException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /**
     * Control endpoints from a parsed cluster.conf. A node whose control address is a wildcard is reached through its
     * advertised host.
     */
    public static ClusterDirectory fromConf(ClusterConf conf) {
        List<NodeEndpoint> nodes = conf.nodes().stream().map(ClusterDirectory::endpoint).toList();
        return new ClusterDirectory(conf.name(), nodes, conf.keyFile());
    }

    private static NodeEndpoint endpoint(ClusterNode node) {
        HostPort control = node.control();
        HostPort reachable = control.isWildcard() ? control.withHost(node.advertise()) : control;
        return new NodeEndpoint(node.name(), InetSocketAddress.createUnresolved(reachable.host(), reachable.port()));
    }
}
