package org.gfspnfs.nfs41.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A READ's bytes left where they lie (file data on the device) for the transport to send straight from there: the
 * socket takes them with sendfile(2) instead of the server copying them into a buffer first. The filesystem keeps
 * them valid until {@link #release}, which the engine calls once the reply is written, or abandoned.
 */
public interface ReadPayload {

    /** Bytes the READ returns. */
    int length();

    /** Sends bytes from {@code position} on into {@code target}, as many as it takes now; returns how many. */
    long transferTo(long position, WritableByteChannel target) throws IOException;

    /** Copies the bytes into {@code dst} from its position (for a reply that has to hold them itself). */
    void copyTo(ByteBuffer dst) throws IOException;

    /** Done with the bytes. Idempotent. */
    void release();
}
