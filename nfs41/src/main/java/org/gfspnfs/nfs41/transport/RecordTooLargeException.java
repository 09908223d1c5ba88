package org.gfspnfs.nfs41.transport;

import java.io.IOException;

/** A peer announced an RPC record larger than this server accepts; its connection is closed. */
final class RecordTooLargeException extends IOException {
    RecordTooLargeException(long bytes, int limit) {
        super("RPC record of " + bytes + " bytes or more exceeds the limit of " + limit);
    }
}
