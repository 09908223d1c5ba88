package org.gfspnfs.nfs41.callback;

import java.io.IOException;

/** The client answered a CB_COMPOUND with an error status. */
public class CallbackFailedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public CallbackFailedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The nfsstat4 the client returned. */
    public int status() {
        return status;
    }
}
