package org.gfspnfs.nfs41.callback;

import java.io.IOException;

/** No session of the client has a usable backchannel connection (the client sees SEQ4_STATUS_CB_PATH_DOWN). */
public class BackchannelDownException extends IOException {
    private static final long serialVersionUID = 1L;

    public BackchannelDownException(String message) {
        super(message);
    }
}
