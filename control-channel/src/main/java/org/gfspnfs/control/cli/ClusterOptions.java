package org.gfspnfs.control.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every node-talking subcommand shares: where the cluster is, which key, which nodes, how long to wait.
 * Declared once on {@code gfsctl} and inherited by every subcommand, so they may stand before or after it
 * ({@code gfsctl --conf F status} and {@code gfsctl status --conf F} mean the same).
 */
public final class ClusterOptions {
    @Option(scope = ScopeType.INHERIT, names = {"-c", "--conf"}, paramLabel = "FILE",
            description = "cluster.conf naming the nodes and the key file (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:GFSCTL_CONF:-cluster.conf}")
    Path conf;

    @Option(scope = ScopeType.INHERIT, names = {"-k", "--key-file"}, paramLabel = "FILE",
            description = "Cluster key file; overrides the key_file of cluster.conf.")
    Path keyFile;

    @Option(scope = ScopeType.INHERIT, names = {"-n", "--node"}, paramLabel = "NAME|all", defaultValue = "all",
            description = "Ask one node, or all nodes at once (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(scope = ScopeType.INHERIT, names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class,
            description = "How long to wait for each node, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(scope = ScopeType.INHERIT, names = {"-j", "--json"}, description = "Print JSON (schemas in control-channel/README.md).")
    boolean json;
}
