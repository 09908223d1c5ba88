package org.gfspnfs.dlm.net.msg;

/** A frame that does not decode: the connection that carried it is reset, the node carries on. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
