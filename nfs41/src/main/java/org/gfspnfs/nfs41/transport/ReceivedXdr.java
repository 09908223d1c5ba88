package org.gfspnfs.nfs41.transport;

import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.nfs41.xdr.ShallowAppend;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * An RPC call decoded straight from the direct memory it was received into. Decoded values that are views of the
 * request (a WRITE's data) stay valid until the call is answered: oncrpc4j encodes the reply into the call's own
 * stream, and this stream then switches to a buffer of its own and lets the request's memory go, to be read into
 * again. {@link #release()} does the same for a call that is never answered.
 */
public final class ReceivedXdr extends Xdr implements ShallowAppend {
    private final MemoryManager memoryManager;
    private final ReceivedRecord record;

    ReceivedXdr(Buffer body, MemoryManager memoryManager, ReceivedRecord record) {
        super(body, memoryManager);
        this.memoryManager = memoryManager;
        this.record = record;
    }

    /** The reply is about to be written: it goes into a fresh buffer, and the request is done with. */
    @Override
    public void beginEncoding() {
        _buffer = memoryManager.allocate(INITIAL_XDR_SIZE);
        record.release();
        super.beginEncoding();
    }

    /**
     * The reply so far and then {@code bytes} as one composite buffer, the way oncrpc4j appends READ data: a large
     * reply encoded into an array is written from it, not copied into a buffer grown to hold it.
     */
    @Override
    public void appendShallow(byte[] bytes, int length) {
        if ((length & 3) != 0) {
            throw new IllegalArgumentException("not whole XDR items: " + length + " bytes");
        }
        int end = _buffer.position() + length;
        BuffersBuffer composite = BuffersBuffer.create(memoryManager);
        composite.allowBufferDispose(true);
        // A plain wrapper: disposing it (after the write) drops the reference, where a memory manager's own wrapper
        // may hand the array to its pool - and a reply cache may send the same array again.
        composite.append(_buffer.slice(0, _buffer.position()))
                .append(new ByteBufferWrapper(ByteBuffer.wrap(bytes, 0, length)));
        composite.position(end);
        composite.limit(end);
        _buffer = composite;
    }

    /** The call's bytes may be overwritten from now on. A second call, or one after the reply, does nothing. */
    public void release() {
        record.release();
    }
}
