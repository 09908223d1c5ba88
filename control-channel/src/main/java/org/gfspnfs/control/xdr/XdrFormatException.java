package org.gfspnfs.control.xdr;

import java.io.IOException;

/** Arguments or results that are not valid XDR for the procedure: the server answers GARBAGE_ARGS. */
public class XdrFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public XdrFormatException(String message) {
        super(message);
    }

    public XdrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
