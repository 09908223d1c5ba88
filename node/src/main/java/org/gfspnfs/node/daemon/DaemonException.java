package org.gfspnfs.node.daemon;

/** The daemon could not start or stop; the message says what to fix, for the operator. */
public class DaemonException extends Exception {
    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
