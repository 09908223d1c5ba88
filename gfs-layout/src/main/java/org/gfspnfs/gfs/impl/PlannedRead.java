package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * A read of file data mapped under the operation lock ({@link FileData#plan}) and copied after it
 * ({@link #copy}): runs of the destination, each filled from contiguous device bytes or with zeros (a hole or an
 * unwritten extent). {@link #size} is the file's size when it was mapped.
 */
final class PlannedRead {
    private static final byte[] ZEROS = new byte[1 << 16];
    private final ByteBuffer dst;
    private final int base;
    private final int length;
    private final long size;
    private long[] devicePos = new long[4];
    private int[] dstOffset = new int[4];
    private int[] runLength = new int[4];
    private int runs;

    PlannedRead(ByteBuffer dst, int length, long size) {
        this.dst = dst;
        this.base = dst.position();
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

    /** {@code len} bytes at {@code at} of the destination come from device offset {@code pos}; -1: zeros. */
    void add(int at, long pos, int len) {
        if (runs == devicePos.length) {
            devicePos = Arrays.copyOf(devicePos, runs * 2);
            dstOffset = Arrays.copyOf(dstOffset, runs * 2);
            runLength = Arrays.copyOf(runLength, runs * 2);
        }
        devicePos[runs] = pos;
        dstOffset[runs] = at;
        runLength[runs] = len;
        runs++;
    }

    /** Fills the destination and moves its position past what was read. */
    void copy(BlockDevice device) throws DeviceIOException {
        for (int i = 0; i < runs; i++) {
            ByteBuffer slice = dst.duplicate();
            slice.position(base + dstOffset[i]).limit(base + dstOffset[i] + runLength[i]);
            if (devicePos[i] < 0) {
                while (slice.hasRemaining()) {
                    slice.put(ZEROS, 0, Math.min(slice.remaining(), ZEROS.length));
                }
                continue;
            }
            try {
                device.read(devicePos[i], slice);
            } catch (IOException e) {
                throw new DeviceIOException("reading data at " + devicePos[i] + ": " + e.getMessage(), e);
            }
        }
        dst.position(base + length);
    }
}
