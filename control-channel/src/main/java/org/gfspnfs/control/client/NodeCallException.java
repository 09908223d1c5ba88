package org.gfspnfs.control.client;

/**
 * A call that got no usable answer from the node, as opposed to a {@link org.gfspnfs.control.api.ControlException}
 * where the node answered with an error status. The {@link Kind} decides what gfsctl prints and its exit code.
 */
public final class NodeCallException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why there is no answer. */
    public enum Kind {
        /** Connection refused, host unreachable, connection lost. */
        UNREACHABLE,
        /** Connected (or connecting) but no reply within the timeout. */
        TIMEOUT,
        /** MSG_DENIED / AUTH_ERROR: the node does not accept our cluster key. */
        AUTH_REFUSED,
        /** An RPC-level error: PROC_UNAVAIL, PROG_MISMATCH, GARBAGE_ARGS (e.g. a node of another version). */
        RPC_ERROR
    }

    private final Kind kind;

    public NodeCallException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
