package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.vfs.ReadPayload;
import org.glassfish.grizzly.memory.ByteBufferWrapper;

/**
 * READ4resok. A server result built from a {@link ByteBuffer} is encoded without copying the data: the reply
 * refers to the buffer until it is written to the connection (the buffer must not change afterwards; every encode,
 * including one of a cached reply, reads it from its own position). Decoded results carry {@link #data}, or, when a
 * {@link SlicingXdrDecoder} decodes a large one, a view of the reply ({@link #bytes()}, {@link #release()}).
 */
public class Read4Res implements XdrAble {
    /** Below this, copying into the reply is cheaper than sending the reply in two pieces. */
    static final int SHALLOW_MIN = 64 * 1024;

    public boolean eof;
    public byte[] data;
    private ByteBuffer buffer;
    /** Runs once the transport has written {@link #buffer} (or right after a copying encode); then null. */
    private Runnable onSent;
    /** A decoded view's hold on its reply buffer ({@link #release()}); then null. */
    private Runnable lease;
    /** Bytes the transport sends from where they lie ({@link ReadPayloadChunk}); released once sent or abandoned. */
    private ReadPayloadChunk chunk;

    public Read4Res() {
    }

    public Read4Res(boolean eof, byte[] data) {
        this.eof = eof;
        this.data = data;
    }

    public Read4Res(boolean eof, ByteBuffer data) {
        this.eof = eof;
        this.buffer = data;
    }

    /**
     * A result whose buffer goes back to its owner once written ({@code onSent}, e.g. a pooled READ buffer). Such a
     * result is encoded once: a READ this large never enters the reply cache (REP_TOO_BIG_TO_CACHE).
     */
    public Read4Res(boolean eof, ByteBuffer data, Runnable onSent) {
        this.eof = eof;
        this.buffer = data;
        this.onSent = onSent;
    }

    /**
     * A result whose bytes the transport sends straight from where they lie. It must be the last thing in its reply
     * (a READ that ends its COMPOUND), encoded once, and {@link #abandon abandoned} after the reply went out.
     */
    public Read4Res(boolean eof, ReadPayload payload) {
        this.eof = eof;
        this.chunk = new ReadPayloadChunk(payload);
    }

    /** Bytes of data this result carries. */
    public int length() {
        if (chunk != null) {
            return chunk.payload().length();
        }
        return buffer != null ? buffer.remaining() : data.length;
    }

    /**
     * After the reply was handed to the transport, or failed before: a payload the transport did not take is
     * released here (its transport releases it once written).
     */
    public void abandon() {
        if (chunk != null) {
            chunk.abandon();
        }
    }

    /** The data, as a read-only view (of the array, or of the reply a slicing decoder left it in). */
    public ByteBuffer bytes() {
        return buffer != null ? buffer.asReadOnlyBuffer() : ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Lets go of the reply buffer a decoded view lives in; {@link #bytes()} must not be read afterwards. */
    public void release() {
        Runnable r = lease;
        lease = null;
        if (r != null) {
            r.run();
        }
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(eof);
        if (chunk != null) {
            encodeChunk(xdr);
        } else if (buffer == null) {
            xdr.xdrEncodeDynamicOpaque(data);
        } else if (!(xdr instanceof Xdr x)) {
            // Not the transport's stream (the engine measures reply sizes this way): the buffer stays ours.
            xdr.xdrEncodeByteBuffer(buffer.duplicate());
        } else {
            Runnable sent = onSent;
            onSent = null;
            if (buffer.remaining() < SHALLOW_MIN && sent != null) {
                // Copied into the reply: keep the copy (a cached reply is encoded again) and give the buffer back.
                byte[] copy = new byte[buffer.remaining()];
                buffer.duplicate().get(copy);
                data = copy;
                buffer = null;
                x.xdrEncodeDynamicOpaque(copy);
                sent.run();
            } else if (buffer.remaining() < SHALLOW_MIN) {
                x.xdrEncodeByteBuffer(buffer.duplicate());
            } else if (sent == null) {
                x.xdrEncodeShallowByteBuffer(buffer.duplicate());
            } else {
                // The transport disposes the reply's pieces once they are written: then this buffer goes home.
                x.xdrEncodeShallowByteBuffer(new ReturningBuffer(buffer.duplicate(), sent));
            }
        }
    }

    private void encodeChunk(XdrEncodingStream xdr) throws OncRpcException, IOException {
        if (xdr instanceof XdrSizer sizer) {
            sizer.opaque(chunk.payload().length());
        } else if (xdr instanceof Xdr x) {
            x.xdrEncodeFileChunk(chunk);
        } else {
            ByteBuffer copy = ByteBuffer.allocate(chunk.payload().length());
            chunk.payload().copyTo(copy);
            xdr.xdrEncodeByteBuffer(copy.flip());
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        eof = XdrBounds.bool(xdr);
        int n = XdrBounds.count(xdr, XdrBounds.DATA_LIMIT);
        if (n >= SHALLOW_MIN && xdr instanceof SlicingXdrDecoder views) {
            buffer = views.xdrDecodeOpaqueView(n);
            lease = views.lease();
            data = null;
        } else {
            buffer = null;
            data = n == 0 ? new byte[0] : xdr.xdrDecodeOpaque(n);
        }
    }

    /**
     * A reply piece that runs {@code onDisposed} once the transport has disposed it and every piece split or sliced
     * off it: Grizzly disposes the whole written reply at once today, but a piece split off (a partial write, a
     * fragmented record) would be disposed on its own, and the buffer is done only when the last piece is.
     */
    private static final class ReturningBuffer extends ByteBufferWrapper {
        private final AtomicInteger live;
        private final Runnable onDisposed;
        private boolean disposed;

        ReturningBuffer(ByteBuffer data, Runnable onDisposed) {
            this(data, onDisposed, new AtomicInteger(1));
        }

        private ReturningBuffer(ByteBuffer data, Runnable onDisposed, AtomicInteger live) {
            super(data);
            this.onDisposed = onDisposed;
            this.live = live;
            allowBufferDispose(true);
        }

        @Override
        protected ByteBufferWrapper wrapByteBuffer(ByteBuffer piece) {
            live.incrementAndGet();
            return new ReturningBuffer(piece, onDisposed, live);
        }

        @Override
        public void dispose() {
            boolean first;
            synchronized (this) {
                first = !disposed;
                disposed = true;
            }
            super.dispose();
            if (first && live.decrementAndGet() == 0) {
                onDisposed.run();
            }
        }
    }
}
