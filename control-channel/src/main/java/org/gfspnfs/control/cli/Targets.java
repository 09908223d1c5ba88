package org.gfspnfs.control.cli;

import java.util.List;

import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.NodeEndpoint;

/** The nodes a subcommand talks to and the key it signs with, resolved from {@link ClusterOptions}. */
record Targets(List<NodeEndpoint> nodes, ClusterKey key) {
    /** The options do not lead to usable nodes and key (unreadable config or key, unknown node). */
    static final class TargetException extends Exception {
        private static final long serialVersionUID = 1L;

        TargetException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
