package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.FileChunk;
import org.glassfish.grizzly.asyncqueue.WritableMessage;

/**
 * One RPC reply record that ends in a {@link FileChunk} (READ data sent from where it lies): the record mark and the
 * encoded reply, the chunk, then its XDR padding. Written as one message of the connection's write queue, so no
 * other reply comes between its pieces, and resumed where a non-blocking write left off. The encoded parts are a
 * few hundred bytes at most and copied into buffers of their own when the record is built.
 *
 * <p>{@link #writeTo} reports 1 once the record is complete and 0 before (see there): Grizzly's accounting for an
 * external message. {@link #remaining()} stays exact.
 */
final class ChunkedReply implements FileChunk {
    private static final int LAST_FRAGMENT = 0x80000000;
    private final ByteBuffer head;
    private final FileChunk chunk;
    private final ByteBuffer tail;
    private int remaining;

    /**
     * @param pieces as oncrpc4j's {@code Xdr.asBufferWritableMessages} gives them: the encoded reply, the chunk,
     *               and the padding when the chunk's length is not a multiple of four
     */
    ChunkedReply(WritableMessage[] pieces) {
        Buffer reply = (Buffer) pieces[0];
        chunk = (FileChunk) pieces[1];
        int padding = pieces.length > 2 ? pieces[2].remaining() : 0;
        int size = reply.remaining() + chunk.remaining() + padding;
        head = ByteBuffer.allocate(4 + reply.remaining());
        head.putInt(LAST_FRAGMENT | size);
        reply.get(head);
        head.flip();
        tail = ByteBuffer.allocate(padding);
        reply.tryDispose();
        if (pieces.length > 2) {
            pieces[2].release();
        }
        remaining = 4 + size;
    }

    @Override
    public long writeTo(WritableByteChannel target) throws IOException {
        long written = 0;
        if (head.hasRemaining()) {
            written += target.write(head);
        }
        if (!head.hasRemaining() && chunk.hasRemaining()) {
            written += chunk.writeTo(target);
        }
        if (!head.hasRemaining() && !chunk.hasRemaining() && tail.hasRemaining()) {
            written += target.write(tail);
        }
        remaining -= (int) written;
        // Grizzly's write queue reserves one byte for a message like this one (isExternal), and takes back from
        // its count of pending bytes whatever a write returns: reporting the bytes written would leave the count
        // below zero, and the queue would never again write directly or drop its interest in OP_WRITE (a selector
        // spinning in epoll_wait). So a write reports the one byte reserved, once, when the record is complete.
        return remaining == 0 && written > 0 ? 1 : 0;
    }

    @Override
    public boolean hasRemaining() {
        return remaining > 0;
    }

    @Override
    public int remaining() {
        return remaining;
    }

    /** Lets the chunk's data go: once written, or when the write failed. Idempotent as the chunk's release is. */
    @Override
    public boolean release() {
        return chunk.release();
    }

    @Override
    public boolean isExternal() {
        return true;
    }
}
