package org.gfspnfs.control.api;

/** The answering node does not run the component the request needs (no MDS role, NFS not started, ...). */
public class NotServedException extends ControlException {
    private static final long serialVersionUID = 1L;

    public NotServedException(String message) {
        super(message);
    }

    public NotServedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ControlStatus status() {
        return ControlStatus.NOT_SERVED;
    }
}
