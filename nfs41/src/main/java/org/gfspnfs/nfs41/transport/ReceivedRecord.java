package org.gfspnfs.nfs41.transport;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One complete RPC record (RFC 5531 section 11) as views of the slab it was read into: one view per fragment, the
 * record marks left out. The record holds its slab until {@link #release()}.
 */
final class ReceivedRecord {
    private final Slab slab;
    private final List<ByteBuffer> fragments;
    private final int length;
    private boolean released;

    ReceivedRecord(Slab slab, List<ByteBuffer> fragments) {
        this.slab = slab;
        this.fragments = fragments;
        int n = 0;
        for (ByteBuffer f : fragments) {
            n += f.remaining();
        }
        this.length = n;
    }

    /** The record's bytes, one view per fragment (valid until {@link #release()}). */
    List<ByteBuffer> fragments() {
        return fragments;
    }

    int length() {
        return length;
    }

    /** The RPC message type (RFC 5531: 0 CALL, 1 REPLY), or -1 if the record is too short to have one. */
    int messageType() {
        if (length < 8) {
            return -1;
        }
        ByteBuffer first = fragments.get(0);
        if (first.remaining() >= 8) {
            return first.getInt(first.position() + 4);
        }
        return ByteBuffer.wrap(copy()).getInt(4); // the header itself is split over fragments
    }

    /** A copy of the record's bytes on the heap. */
    byte[] copy() {
        byte[] out = new byte[length];
        int at = 0;
        for (ByteBuffer f : fragments) {
            int n = f.remaining();
            f.get(f.position(), out, at, n);
            at += n;
        }
        return out;
    }

    /** Lets go of the slab; the views must not be read afterwards. A second call does nothing. */
    void release() {
        if (!released) {
            released = true;
            slab.release();
        }
    }
}
