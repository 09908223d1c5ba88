package org.gfspnfs.control.api;

/** The request's arguments are well-formed XDR but make no sense (empty name, unknown enum value). */
public class InvalidRequestException extends ControlException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ControlStatus status() {
        return ControlStatus.INVAL;
    }
}
