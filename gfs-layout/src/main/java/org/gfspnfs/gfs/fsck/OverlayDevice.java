package org.gfspnfs.gfs.fsck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * A copy-on-write view of a device: writes land in memory, reads see them. Lets {@code fsck -n} replay a dirty
 * journal and check the filesystem as a mount would see it, without writing a byte to the device.
 * Writes are kept in units of {@code unit} bytes (the block size), which is how replay writes.
 */
final class OverlayDevice implements BlockDevice {
    private final BlockDevice base;
    private final int unit;
    private final Map<Long, byte[]> written = new HashMap<>();

    OverlayDevice(BlockDevice base, int unit) {
        this.base = base;
        this.unit = unit;
    }

    @Override
    public long size() {
        return base.size();
    }

    @Override
    public synchronized void read(long offset, ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        int start = dst.position();
        base.read(offset, dst);
        long end = offset + len;
        for (long u = offset / unit; u * unit < end; u++) {
            byte[] b = written.get(u);
            if (b == null) {
                continue;
            }
            long from = Math.max(offset, u * unit);
            long to = Math.min(end, (u + 1) * unit);
            for (long p = from; p < to; p++) {
                dst.put(start + (int) (p - offset), b[(int) (p - u * unit)]);
            }
        }
    }

    @Override
    public synchronized void write(long offset, ByteBuffer src) throws IOException {
        long end = offset + src.remaining();
        if (offset < 0 || end > size()) {
            throw new IOException("write at " + offset + " outside device");
        }
        long p = offset;
        while (src.hasRemaining()) {
            long u = p / unit;
            byte[] b = written.get(u);
            if (b == null) {
                b = new byte[unit];
                base.read(u * unit, ByteBuffer.wrap(b));
                written.put(u, b);
            }
            int at = (int) (p - u * unit);
            int n = Math.min(unit - at, src.remaining());
            src.get(b, at, n);
            p += n;
        }
    }

    @Override
    public void flush() {
        // Nothing reaches the device.
    }

    @Override
    public void close() {
        // The base device belongs to the caller.
    }
}
