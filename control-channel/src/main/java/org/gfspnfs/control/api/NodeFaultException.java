package org.gfspnfs.control.api;

/** The node failed while answering; the message says why (its log has the stack trace). */
public class NodeFaultException extends ControlException {
    private static final long serialVersionUID = 1L;

    public NodeFaultException(String message) {
        super(message);
    }

    public NodeFaultException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ControlStatus status() {
        return ControlStatus.SERVERFAULT;
    }
}
