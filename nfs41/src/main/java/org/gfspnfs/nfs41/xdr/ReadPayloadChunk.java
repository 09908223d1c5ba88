package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gfspnfs.nfs41.transport.TransportOwned;
import org.gfspnfs.nfs41.vfs.ReadPayload;

/**
 * A READ payload as the last piece of a reply (oncrpc4j's {@code Xdr.xdrEncodeFileChunk}): the connection's
 * writer sends it from where the bytes lie. Released once: by the writer when done, by the transport when the write
 * fails, or by the engine if no transport took it ({@link #abandon}).
 */
final class ReadPayloadChunk implements TransportOwned {
    private final ReadPayload payload;
    private final AtomicBoolean handedOff = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private long sent;

    ReadPayloadChunk(ReadPayload payload) {
        this.payload = payload;
    }

    ReadPayload payload() {
        return payload;
    }

    @Override
    public long writeTo(WritableByteChannel target) throws IOException {
        long n = payload.transferTo(sent, target);
        sent += n;
        return n;
    }

    @Override
    public boolean hasRemaining() {
        return remaining() > 0;
    }

    @Override
    public int remaining() {
        return (int) (payload.length() - sent);
    }

    @Override
    public boolean release() {
        if (released.compareAndSet(false, true)) {
            payload.release();
        }
        return true;
    }

    @Override
    public boolean isExternal() {
        return true;
    }

    @Override
    public void handedOff() {
        handedOff.set(true);
    }

    /** Releases the payload unless a transport took charge of it. */
    void abandon() {
        if (!handedOff.get()) {
            release();
        }
    }
}
