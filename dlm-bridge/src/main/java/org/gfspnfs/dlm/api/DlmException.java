package org.gfspnfs.dlm.api;

/** Base of the DLM's typed errors. */
public class DlmException extends RuntimeException {
    public DlmException(String message) {
        super(message);
    }

    public DlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
