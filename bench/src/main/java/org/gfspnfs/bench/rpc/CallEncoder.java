package org.gfspnfs.bench.rpc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.nfs41.xdr.XdrEncoder;

/**
 * Encodes one RPC record for a gathering socket write: small items go into a direct buffer, and an opaque of
 * {@link #BY_REFERENCE} bytes or more is sent from the caller's own array or buffer, not copied (a WRITE's payload
 * goes from the workload's buffer to the socket in one kernel copy). The record mark is reserved up front and
 * filled in by {@link #finish()}. One record at a time; the pieces {@link #finish()} returns are valid until the
 * next {@link #begin()}.
 */
final class CallEncoder extends XdrEncoder {
    static final int BY_REFERENCE = 32 << 10;
    private static final int LAST_FRAGMENT = 0x80000000;

    private ByteBuffer head = ByteBuffer.allocateDirect(16 << 10);
    private final List<ByteBuffer> pieces = new ArrayList<>();
    /** Where the run of small items not yet in {@link #pieces} starts in {@link #head}. */
    private int runStart;
    /** Bytes in {@link #pieces}. */
    private long piecesBytes;

    /** Starts a record: forgets the previous one and reserves its mark. */
    void begin() {
        pieces.clear();
        piecesBytes = 0;
        head.clear();
        runStart = 0;
        head.putInt(0);
    }

    /** Fills in the record mark (one fragment) and returns the record's pieces in order. */
    ByteBuffer[] finish() {
        closeRun();
        long body = piecesBytes - 4;
        if (body > Integer.MAX_VALUE >>> 1) {
            throw new IllegalArgumentException("an RPC call of " + body + " bytes does not fit one record fragment");
        }
        pieces.get(0).putInt(0, LAST_FRAGMENT | (int) body);
        return pieces.toArray(new ByteBuffer[0]);
    }

    private void closeRun() {
        if (head.position() > runStart) {
            ByteBuffer run = head.duplicate().position(runStart).limit(head.position()).slice();
            pieces.add(run);
            piecesBytes += run.remaining();
            runStart = head.position();
        }
    }

    private void room(int n) {
        if (head.remaining() >= n) {
            return;
        }
        // Pieces already cut keep the old buffer; only the open run moves.
        ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(head.capacity() * 2, head.position() - runStart + n
                + 1024));
        bigger.put(head.duplicate().position(runStart).limit(head.position()));
        head = bigger;
        runStart = 0;
    }

    private void pad(int len) {
        int padding = (4 - (len & 3)) & 3;
        room(padding);
        for (int i = 0; i < padding; i++) {
            head.put((byte) 0);
        }
    }

    private void bytes(ByteBuffer src) {
        int len = src.remaining();
        if (len >= BY_REFERENCE) {
            closeRun();
            pieces.add(src);
            piecesBytes += len;
        } else {
            room(len);
            head.put(src);
        }
        pad(len);
    }

    @Override
    public void xdrEncodeInt(int value) {
        room(4);
        head.putInt(value);
    }

    @Override
    public void xdrEncodeOpaque(byte[] opaque, int offset, int len) {
        bytes(ByteBuffer.wrap(opaque, offset, len));
    }

    @Override
    public void xdrEncodeLong(long value) {
        room(8);
        head.putLong(value);
    }

    @Override
    public void xdrEncodeByteBuffer(ByteBuffer buf) {
        ByteBuffer data = buf.slice();
        buf.position(buf.limit());
        xdrEncodeInt(data.remaining());
        bytes(data);
    }
}
