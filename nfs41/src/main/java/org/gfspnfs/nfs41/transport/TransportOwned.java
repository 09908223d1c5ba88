package org.gfspnfs.nfs41.transport;

import org.glassfish.grizzly.FileChunk;

/**
 * A reply piece that holds something until it is written (file data kept from reuse): once the transport accepts
 * the reply it {@link #handedOff takes charge}, and releases it when the write ends, written or failed.
 * Until then whoever built the reply releases it if it was never sent.
 */
public interface TransportOwned extends FileChunk {

    /** The transport has the piece now and releases it whatever becomes of the write. */
    void handedOff();
}
