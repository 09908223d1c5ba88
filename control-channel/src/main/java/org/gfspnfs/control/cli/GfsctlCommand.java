package org.gfspnfs.control.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ClusterDirectory;
import org.gfspnfs.control.client.NodeEndpoint;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gfsctl}: the operator's client of the control channel. Holds what every subcommand shares (how to read the
 * config, the clock, the caller name) so the subcommands stay thin and tests can run them in-process.
 */
@Command(name = "gfsctl", mixinStandardHelpOptions = true, version = "gfsctl 0.1.0",
        description = "Query and control a gfs-pnfs cluster over its control channel.",
        subcommands = {StatusCommand.class, MembersCommand.class, LsCommand.class, LocksCommand.class,
                WaitersCommand.class, FsCommand.class, ClientsCommand.class, SessionsCommand.class,
                OpensCommand.class, DelegationsCommand.class, LayoutsCommand.class, FenceAckCommand.class,
                RecallLayoutsCommand.class,
                EvictClientCommand.class, LockspaceLeaveCommand.class, LockspaceJoinCommand.class,
                PingCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes:", "  0  every asked node answered", "  1  a node answered with an error",
                "  2  usage error", "  3  cluster.conf or key file unusable, unknown --node",
                "  4  a node gave no answer (unreachable or --timeout)", "  5  a node refused the key"})
public final class GfsctlCommand {
    @Mixin
    ClusterOptions cluster;

    private final ClusterDirectory.Loader loader;
    private final Clock clock;
    private final String caller;

    public GfsctlCommand(ClusterDirectory.Loader loader, Clock clock, String caller) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    Clock clock() {
        return clock;
    }

    String caller() {
        return caller;
    }

    /** Reads cluster.conf and the key, and picks the nodes {@code --node} names. */
    Targets targets(ClusterOptions options) throws Targets.TargetException {
        ClusterDirectory directory;
        try {
            directory = loader.load(options.conf);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Targets.TargetException("cannot read " + options.conf
                    + ": no such file (name it with --conf FILE or GFSCTL_CONF)", e);
        } catch (IOException e) {
            throw new Targets.TargetException("cannot read " + options.conf + ": " + e, e);
        } catch (ClusterDirectory.ConfigException e) {
            throw new Targets.TargetException(e.getMessage(), e);
        }
        Path keyFile = options.keyFile != null ? options.keyFile : directory.keyFile();
        ClusterKey key;
        try {
            key = ClusterKey.read(keyFile);
        } catch (IOException e) {
            throw new Targets.TargetException(e.getMessage(), e);
        }
        return new Targets(select(directory, options.node), key);
    }

    private static List<NodeEndpoint> select(ClusterDirectory directory, String node)
            throws Targets.TargetException {
        if (node.equals("all")) {
            return directory.nodes();
        }
        List<NodeEndpoint> match = directory.nodes().stream().filter(n -> n.name().equals(node)).toList();
        if (match.isEmpty()) {
            throw new Targets.TargetException("no node '" + node + "' in cluster " + directory.clusterName()
                    + " (nodes: " + String.join(", ", directory.nodes().stream().map(NodeEndpoint::name).toList())
                    + ")", null);
        }
        return match;
    }
}
