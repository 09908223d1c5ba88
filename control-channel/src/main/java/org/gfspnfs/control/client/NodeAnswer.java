package org.gfspnfs.control.client;

import org.gfspnfs.control.api.ControlException;

/**
 * One node's part of a cluster-wide query: an answer, an error status the node returned, or no answer at all.
 */
public sealed interface NodeAnswer<T> {
    NodeEndpoint node();

    /** The node answered. */
    record Answered<T>(NodeEndpoint node, T value) implements NodeAnswer<T> {
    }

    /** The node answered with an error status (no such lockspace, role not served, refused command, ...). */
    record Declined<T>(NodeEndpoint node, ControlException error) implements NodeAnswer<T> {
    }

    /** No usable answer: unreachable, silent past the timeout, key refused, RPC error. */
    record Failed<T>(NodeEndpoint node, NodeCallException failure) implements NodeAnswer<T> {
    }
}
