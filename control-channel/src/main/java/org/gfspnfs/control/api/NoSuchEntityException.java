package org.gfspnfs.control.api;

/** The named lockspace, client, file or node does not exist on the answering node. */
public class NoSuchEntityException extends ControlException {
    private static final long serialVersionUID = 1L;

    public NoSuchEntityException(String message) {
        super(message);
    }

    public NoSuchEntityException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ControlStatus status() {
        return ControlStatus.NOENT;
    }
}
