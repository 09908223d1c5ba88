package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link BlockDevice} in memory, for tests and tools that want a fast device or a byte-exact image to inspect.
 * Everything written is immediately "durable"; crash tests wrap it to drop unflushed writes.
 */
public final class MemoryBlockDevice implements BlockDevice {
    private final byte[] data;

    public MemoryBlockDevice(int sizeBytes) {
        this.data = new byte[sizeBytes];
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public synchronized void read(long offset, ByteBuffer dst) throws IOException {
        check(offset, dst.remaining());
        dst.put(data, (int) offset, dst.remaining());
    }

    @Override
    public synchronized void write(long offset, ByteBuffer src) throws IOException {
        check(offset, src.remaining());
        src.get(data, (int) offset, src.remaining());
    }

    @Override
    public void flush() {
        // Memory is as durable as it gets.
    }

    @Override
    public void close() {
        // Nothing to release; the contents stay readable for inspection.
    }

    /** A copy of the whole image. */
    public synchronized byte[] snapshot() {
        return data.clone();
    }

    private void check(long offset, int len) throws IOException {
        if (offset < 0 || offset + len > data.length) {
            throw new IOException("I/O at " + offset + "+" + len + " outside device of " + data.length + " bytes");
        }
    }
}
