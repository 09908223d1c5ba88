package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * A read of file data mapped under the operation lock ({@link FileData#plan}) and moved after it: runs of the
 * read's bytes, each from contiguous device bytes, zeros (a hole or an unwritten extent), or bytes copied at
 * mapping time (a stuffed file's data lives in its dinode). Copied into a buffer ({@link #copy}) or sent to a
 * channel ({@link #transferTo}). {@link #size} is the file's size when it was mapped.
 */
final class PlannedRead {
    private static final long ZEROS_RUN = -1;
    private static final long INLINE_RUN = -2;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 16).asReadOnlyBuffer();
    private final int length;
    private final long size;
    private long[] devicePos = new long[4];
    private int[] start = new int[4];
    private int[] runLength = new int[4];
    private int runs;
    private byte[] inline;

    PlannedRead(int length, long size) {
        this.length = length;
        this.size = size;
    }

    /** Bytes the read returns. */
    int length() {
        return length;
    }

    long size() {
        return size;
    }

    /** Bytes {@code at..at+len} of the read come from device offset {@code pos}; -1: zeros. */
    void add(int at, long pos, int len) {
        addRun(at, pos < 0 ? ZEROS_RUN : pos, len);
    }

    /** The whole read is {@code bytes}, copied while mapping (a stuffed file). */
    void addInline(byte[] bytes) {
        inline = bytes;
        addRun(0, INLINE_RUN, bytes.length);
    }

    /** A run whose source is a device offset, {@link #ZEROS_RUN} or {@link #INLINE_RUN}. */
    private void addRun(int at, long source, int len) {
        if (runs == devicePos.length) {
            devicePos = Arrays.copyOf(devicePos, runs * 2);
            start = Arrays.copyOf(start, runs * 2);
            runLength = Arrays.copyOf(runLength, runs * 2);
        }
        devicePos[runs] = source;
        start[runs] = at;
        runLength[runs] = len;
        runs++;
    }

    /** Fills {@code dst} from its position with the read's bytes and moves the position past them. */
    void copy(BlockDevice device, ByteBuffer dst) throws DeviceIOException {
        int base = dst.position();
        for (int i = 0; i < runs; i++) {
            ByteBuffer slice = dst.duplicate();
            slice.position(base + start[i]).limit(base + start[i] + runLength[i]);
            if (devicePos[i] == INLINE_RUN) {
                slice.put(inline, 0, runLength[i]);
            } else if (devicePos[i] == ZEROS_RUN) {
                while (slice.hasRemaining()) {
                    slice.put(ZEROS.duplicate().limit(Math.min(slice.remaining(), ZEROS.capacity())));
                }
            } else {
                try {
                    device.read(devicePos[i], slice);
                } catch (IOException e) {
                    throw new DeviceIOException("reading data at " + devicePos[i] + ": " + e.getMessage(), e);
                }
            }
        }
        dst.position(base + length);
    }

    /**
     * Sends the read's bytes from {@code from} on into {@code target}, as many as it takes now; returns how many.
     * Device runs go by {@link BlockDevice#transferTo}, so a file-backed device never copies them through here.
     */
    long transferTo(BlockDevice device, long from, WritableByteChannel target) throws IOException {
        long sent = 0;
        for (int i = 0; i < runs; i++) {
            long runEnd = (long) start[i] + runLength[i];
            while (from + sent < runEnd) {
                long at = from + sent;
                long skip = at - start[i];
                long want = runEnd - at;
                long asked = want;
                long n;
                if (devicePos[i] == INLINE_RUN) {
                    n = target.write(ByteBuffer.wrap(inline, (int) skip, (int) want));
                } else if (devicePos[i] == ZEROS_RUN) {
                    asked = Math.min(want, ZEROS.capacity());
                    n = target.write(ZEROS.duplicate().limit((int) asked));
                } else {
                    n = device.transferTo(devicePos[i] + skip, want, target);
                }
                sent += Math.max(n, 0);
                if (n < asked) {
                    return sent; // the target takes no more for now
                }
            }
        }
        return sent;
    }
}
