package org.gfspnfs.control.api;

/** A mutating command the node declined, e.g. acknowledging the fencing of a node that is still a member. */
public class CommandRefusedException extends ControlException {
    private static final long serialVersionUID = 1L;

    public CommandRefusedException(String message) {
        super(message);
    }

    public CommandRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ControlStatus status() {
        return ControlStatus.REFUSED;
    }
}
