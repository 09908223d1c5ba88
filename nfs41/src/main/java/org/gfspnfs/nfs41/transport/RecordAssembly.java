package org.gfspnfs.nfs41.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The receive side of one TCP connection's record marking (RFC 5531 section 11): hands out the direct memory
 * the next socket read lands in, and cuts complete records out of what arrived, without copying their bytes.
 *
 * <p>A record is always received into one slab: when the record being received does not fit in the rest of the
 * current slab, its bytes so far move to the start of a fresh slab big enough for all of it (records are at most
 * {@code recordLimit} bytes, record marks included) and the socket reads on into that one. A large WRITE therefore
 * reaches the operation as one contiguous direct buffer. Between records the connection holds no slab, so an idle
 * connection pins no memory.
 *
 * <p>Large records are read so that each has a slab to itself and nothing is moved: a connection whose last record
 * was large reads the head of the next one ({@link #MIN_READ}) into a fresh large slab, and once a record's mark
 * says how much of it is still to come, the socket is given exactly that room. The bytes that follow a large
 * record stay in the socket until the next read, instead of starting a record at the end of this slab that would
 * then have to be copied into another one. Small records are read as many as fit.
 *
 * <p>Not thread-safe: one connection's reads are processed one at a time. Records handed out are released by
 * whichever thread finished with them.
 */
final class RecordAssembly {
    /** A socket read gets at least this much room, unless the record in progress needs less to complete. */
    static final int MIN_READ = 16 << 10;
    private static final int LAST_FRAGMENT = 0x80000000;
    private static final int SIZE_MASK = 0x7fffffff;

    private final SlabPool pool;
    private final int recordLimit;
    private Slab slab;
    /** First byte of the record in progress. */
    private int start;
    /** End of the bytes received into the slab. */
    private int filled;
    private boolean lastRecordLarge;
    private boolean closed;
    private long moved;

    RecordAssembly(SlabPool pool, int recordLimit) {
        this.pool = pool;
        this.recordLimit = recordLimit;
    }

    /** Where the next socket read should put its bytes (position 0); report what arrived with {@link #received}. */
    ByteBuffer readWindow() throws RecordTooLargeException {
        if (closed) {
            throw new IllegalStateException("connection closed");
        }
        int pending = filled - start;
        int scanned = pending == 0 ? 0 : scan();
        int need = scanned < 0 ? -scanned : MIN_READ;
        if (slab == null || slab.capacity() - filled < need) {
            int size = pending + Math.max(need, MIN_READ);
            Slab next = pool.take(size, lastRecordLarge || size > pool.smallSize());
            if (pending > 0) {
                next.copyFrom(slab, start, filled);
                moved += pending;
            }
            if (slab != null) {
                slab.release();
            }
            slab = next;
            start = 0;
            filled = pending;
        }
        int room;
        if (need > MIN_READ) {
            room = need; // the rest of a large fragment, and no further
        } else if (pending == 0 && lastRecordLarge) {
            room = MIN_READ; // the head of what is likely another large record, to learn its size first
        } else {
            room = slab.capacity() - filled;
        }
        return slab.window(filled, filled + room);
    }

    /** Bytes of records in progress copied from one slab to another so far. */
    long bytesMoved() {
        return moved;
    }

    /** {@code n} bytes arrived in the window last handed out. */
    void received(int n) {
        if (slab == null || n < 0 || filled + n > slab.capacity()) {
            throw new IllegalStateException(n + " bytes received outside the read window");
        }
        filled += n;
    }

    /** The next complete record, or null until more bytes arrive. */
    ReceivedRecord next() throws RecordTooLargeException {
        if (slab == null) {
            return null;
        }
        int end = recordEnd();
        if (end < 0) {
            return null;
        }
        List<ByteBuffer> fragments = new ArrayList<>(1);
        int at = start;
        boolean last;
        do {
            int mark = slab.intAt(at);
            int size = mark & SIZE_MASK;
            last = (mark & LAST_FRAGMENT) != 0;
            fragments.add(slab.window(at + 4, at + 4 + size));
            at += 4 + size;
        } while (!last);
        slab.hold();
        ReceivedRecord r = new ReceivedRecord(slab, fragments);
        lastRecordLarge = r.length() > pool.smallSize() / 2;
        start = end;
        if (start == filled) {
            dropSlab();
        }
        return r;
    }

    /** Whether {@link #next()} would return a record now. */
    boolean hasNext() throws RecordTooLargeException {
        return slab != null && recordEnd() >= 0;
    }

    /** The connection closed: the slab is let go (records already handed out keep theirs). */
    void close() {
        closed = true;
        dropSlab();
    }

    private void dropSlab() {
        if (slab != null) {
            slab.release();
            slab = null;
        }
        start = 0;
        filled = 0;
    }

    /** End of the complete record at {@link #start}, or -1. */
    private int recordEnd() throws RecordTooLargeException {
        int s = scan();
        return s >= 0 ? s : -1;
    }

    /**
     * Walks the fragment marks of the record at {@link #start}: its end when it is complete, otherwise minus the
     * bytes its current fragment (or the next mark) still needs.
     */
    private int scan() throws RecordTooLargeException {
        int at = start;
        long total = 0;
        while (filled - at >= 4) {
            int mark = slab.intAt(at);
            total += 4 + (mark & SIZE_MASK);
            if (total > recordLimit) {
                throw new RecordTooLargeException(total, recordLimit);
            }
            int end = at + 4 + (mark & SIZE_MASK);
            if (end > filled) {
                return filled - end;
            }
            if ((mark & LAST_FRAGMENT) != 0) {
                return end;
            }
            at = end;
        }
        return (filled - at) - 4;
    }
}
