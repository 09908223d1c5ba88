package org.gfspnfs.dlm.api;

/** The node's DLM was closed (or the node was fenced) while the operation was outstanding. */
public class DlmShutdownException extends DlmException {
    public DlmShutdownException(String message) {
        super(message);
    }
}
