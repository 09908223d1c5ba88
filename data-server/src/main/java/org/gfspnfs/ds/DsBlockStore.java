package org.gfspnfs.ds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.nfs41.status.IoException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.ReadBufferPool;
import org.gfspnfs.nfs41.vfs.ReadResult;

/**
 * The data server's I/O on the shared device (RFC 8881 section 13.6: READ/WRITE/COMMIT on the MDS file handle,
 * sparse packing so the offset is the file offset). Reads map the range and read WRITTEN blocks, blocks this or
 * another data server wrote and reported but the MDS has not yet converted, and zeros for the rest. Writes go
 * straight into the file's blocks: WRITTEN blocks in place, UNWRITTEN blocks as whole blocks (a partial block is
 * completed with zeros unless it was written before, so no old data of a deleted file survives), holes after the
 * MDS allocated them. No metadata is changed here and no inode glock is held EX.
 */
final class DsBlockStore {
    private static final int LOCK_STRIPES = 64;

    private final FileSystem fs;
    private final BlockDevice device;
    private final MetadataServerLink mds;
    private final int blockSize;
    private final ReadBufferPool readBuffers = new ReadBufferPool();
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final BandwidthCap receive;
    private final BandwidthCap send;

    /** {@code receive}/{@code send}: the simulated NIC's WRITE-payload and READ-payload side (or OFF). */
    DsBlockStore(FileSystem fs, BlockDevice device, MetadataServerLink mds, BandwidthCap receive,
                 BandwidthCap send) {
        this.fs = fs;
        this.device = device;
        this.mds = mds;
        this.receive = receive;
        this.send = send;
        this.blockSize = fs.info().blockSize();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Reads up to {@code count} bytes. The end of the data is the larger of the committed size and the end of what
     * data servers wrote but did not commit yet (a client may read back before LAYOUTCOMMIT); the MDS is asked about
     * the latter only when the read reaches past the committed size. The bytes go into a buffer of the reply-buffer
     * pool, which the device fills (and {@link Fill} zeroes where nothing was read: holes, unwritten blocks no data
     * server wrote) and the socket sends without a copy; the result gives it back once sent
     * ({@link ReadResult#onSent}).
     */
    ReadResult read(InodeId file, long offset, int count) throws NfsException {
        try {
            long size = fs.getattr(file).size();
            long end = size;
            if (offset + count > size) {
                List<MetadataServerLink.ByteRange> beyond = mds.writtenWithin(file, Math.max(offset, size),
                        Long.MAX_VALUE);
                end = beyond.isEmpty() ? size : Math.max(size, beyond.get(beyond.size() - 1).end());
            }
            int n = (int) Math.max(0, Math.min(count, end - offset));
            ByteBuffer out = readBuffers.acquireToFill(n);
            try {
                Fill fill = new Fill(out, offset);
                if (n > 0) {
                    for (Extent e : fs.mapRange(file, offset, n)) {
                        readExtent(file, e, fill);
                    }
                }
                fill.zeroRest();
            } catch (IOException | MetadataServerUnavailableException | RuntimeException e) {
                readBuffers.release(out);
                throw e;
            }
            send.pass(n);
            return readBuffers.result(out, offset + n >= end);
        } catch (GfsException e) {
            throw DsErrors.toNfs(e);
        } catch (IOException e) {
            throw DsErrors.toNfs(e);
        } catch (MetadataServerUnavailableException e) {
            throw DsErrors.toNfs(e);
        }
    }

    /**
     * Writes the remaining bytes of {@code payload} (not changed) at {@code offset}; durable after
     * {@link #commit()}. Block-aligned pieces go to the device straight from {@code payload}.
     */
    void write(InodeId file, long offset, ByteBuffer payload) throws NfsException {
        ByteBuffer data = payload.slice();
        int length = data.remaining();
        if (length == 0) {
            return;
        }
        receive.pass(length);
        // One writer per file on this data server: two writes into the same unwritten block must not both zero it.
        synchronized (locks[Math.floorMod(file.hashCode(), LOCK_STRIPES)]) {
            try {
                List<Extent> map = fs.mapRange(file, offset, length);
                if (map.stream().anyMatch(e -> e.state() == ExtentState.HOLE)) {
                    mds.allocate(file, offset, length);
                    // Map again from this node's own mount: the MDS allocated under the inode glock EX, which
                    // invalidated what this node cached under SH, so this mapping is read after the allocation.
                    // Only blocks mapped under this node's own glock are ever written.
                    map = fs.mapRange(file, offset, length);
                }
                for (Extent e : map) {
                    writeExtent(file, e, offset, data);
                }
            } catch (GfsException e) {
                throw DsErrors.toNfs(e);
            } catch (IOException e) {
                throw DsErrors.toNfs(e);
            } catch (MetadataServerUnavailableException e) {
                throw DsErrors.toNfs(e);
            }
        }
    }

    /**
     * COMMIT through the data server: every write that returned is durable, and the MDS knows every range written
     * into unwritten blocks (so the LAYOUTCOMMIT that follows converts them). Device first: the MDS must never
     * convert blocks whose data is not on the device yet.
     */
    void commit() throws NfsException {
        try {
            device.flush();
            mds.flush();
        } catch (IOException e) {
            throw DsErrors.toNfs(e);
        } catch (MetadataServerUnavailableException e) {
            throw DsErrors.toNfs(e);
        }
    }

    private void readExtent(InodeId file, Extent e, Fill fill)
            throws IOException, MetadataServerUnavailableException {
        long from = Math.max(e.fileOffset(), fill.offset);
        long to = Math.min(e.fileOffset() + e.length(), fill.offset + fill.out.limit());
        if (from >= to) {
            return;
        }
        switch (e.state()) {
            case WRITTEN -> fill.device(e, from, to);
            case UNWRITTEN -> {
                for (MetadataServerLink.ByteRange r : mds.writtenWithin(file, from, to)) {
                    fill.device(e, Math.max(r.start(), from), Math.min(r.end(), to));
                }
            }
            case HOLE -> {
                // zeros: the next device read or zeroRest writes them
            }
        }
    }

    /**
     * A READ reply buffer being filled for the file range that starts at {@code offset}: every byte is either read
     * from the device or zeroed, once. Zeros go in front of each device read, over what no read so far reached
     * ({@code [filled, from)}: nothing read there yet, whatever the order of the reads), and after the last one.
     */
    private final class Fill {
        final ByteBuffer out;
        final long offset;
        private int filled;

        Fill(ByteBuffer out, long offset) {
            this.out = out;
            this.offset = offset;
        }

        void device(Extent e, long from, long to) throws IOException {
            if (from >= to) {
                return;
            }
            int at = (int) (from - offset);
            if (at > filled) {
                readBuffers.zero(out, filled, at);
            }
            DsBlockStore.this.device.read(e.deviceOffset() + (from - e.fileOffset()), slice(out, at, to - from));
            filled = Math.max(filled, (int) (to - offset));
        }

        void zeroRest() {
            if (filled < out.limit()) {
                readBuffers.zero(out, filled, out.limit());
            }
        }
    }

    private void writeExtent(InodeId file, Extent e, long offset, ByteBuffer data)
            throws IOException, NfsException, MetadataServerUnavailableException {
        long from = Math.max(e.fileOffset(), offset);
        long to = Math.min(e.fileOffset() + e.length(), offset + data.limit());
        if (from >= to) {
            return;
        }
        switch (e.state()) {
            case WRITTEN -> device.write(e.deviceOffset() + (from - e.fileOffset()),
                    slice(data, from - offset, to - from));
            case UNWRITTEN -> writeUnwritten(file, e, from, to, offset, data);
            case HOLE -> throw new IoException("the MDS left a hole at " + from + " after allocating");
        }
    }

    /**
     * Writes whole blocks: the bytes around {@code [from, to)} are zeros, or the device's if written before. An
     * aligned range goes straight from {@code data}; a partial block is completed in a span of its own.
     */
    private void writeUnwritten(InodeId file, Extent e, long from, long to, long offset, ByteBuffer data)
            throws IOException, MetadataServerUnavailableException {
        long start = from - from % blockSize;
        long end = to % blockSize == 0 ? to : to - to % blockSize + blockSize;
        if (start == from && end == to) {
            device.write(e.deviceOffset() + (start - e.fileOffset()), slice(data, from - offset, to - from));
        } else {
            ByteBuffer span = ByteBuffer.allocate((int) (end - start));
            if (start < from) {
                keepWritten(file, e, start, start + blockSize, start, span);
            }
            if (to < end) {
                keepWritten(file, e, end - blockSize, end, start, span);
            }
            span.put((int) (from - start), slice(data, from - offset, to - from), 0, (int) (to - from));
            device.write(e.deviceOffset() + (start - e.fileOffset()), span);
        }
        // The exact bytes, not the whole blocks: LAYOUTCOMMIT converts whole blocks anyway (their other bytes are
        // zeros on the device), and an uncommitted file's end of data stays exact for reads before LAYOUTCOMMIT.
        mds.written(file, from, to - from);
    }

    /** Copies into {@code span} the device bytes of {@code [blockFrom, blockTo)} that were written before. */
    private void keepWritten(InodeId file, Extent e, long blockFrom, long blockTo, long spanStart, ByteBuffer span)
            throws IOException, MetadataServerUnavailableException {
        for (MetadataServerLink.ByteRange r : mds.writtenWithin(file, blockFrom, blockTo)) {
            device.read(e.deviceOffset() + (r.start() - e.fileOffset()),
                    slice(span, r.start() - spanStart, r.end() - r.start()));
        }
    }

    /** The {@code length} bytes of {@code b} from index {@code at}, as a buffer of their own. */
    private static ByteBuffer slice(ByteBuffer b, long at, long length) {
        return b.slice((int) at, (int) length);
    }
}
