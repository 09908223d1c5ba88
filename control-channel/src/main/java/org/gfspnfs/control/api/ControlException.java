package org.gfspnfs.control.api;

/**
 * A control-channel request the node answered with an error status. One subclass per {@link ControlStatus}; the
 * server translates them to the wire in one place and the client translates them back with {@link #of}.
 */
public abstract class ControlException extends Exception {
    private static final long serialVersionUID = 1L;

    protected ControlException(String message) {
        super(message);
    }

    protected ControlException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The wire status this exception stands for. */
    public abstract ControlStatus status();

    /** Rebuilds the exception a peer reported. */
    public static ControlException of(ControlStatus status, String message) {
        return switch (status) {
            case NOENT -> new NoSuchEntityException(message);
            case NOT_SERVED -> new NotServedException(message);
            case INVAL -> new InvalidRequestException(message);
            case REFUSED -> new CommandRefusedException(message);
            case SERVERFAULT, OK -> new NodeFaultException(message);
        };
    }
}
