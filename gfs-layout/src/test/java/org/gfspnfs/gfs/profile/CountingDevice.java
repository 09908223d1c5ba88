package org.gfspnfs.gfs.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.gfspnfs.gfs.device.BlockDevice;

/** Counts the calls and bytes a filesystem makes on its device, for the profiling harness. */
final class CountingDevice implements BlockDevice {
    private final BlockDevice inner;
    final AtomicLong reads = new AtomicLong();
    final AtomicLong readBytes = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final AtomicLong writeBytes = new AtomicLong();
    final AtomicLong flushes = new AtomicLong();

    CountingDevice(BlockDevice inner) {
        this.inner = inner;
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        reads.incrementAndGet();
        readBytes.addAndGet(dst.remaining());
        inner.read(offset, dst);
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        writes.incrementAndGet();
        writeBytes.addAndGet(src.remaining());
        inner.write(offset, src);
    }

    @Override
    public void flush() throws IOException {
        flushes.incrementAndGet();
        inner.flush();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    /** A copy of the counters now, to subtract later. */
    long[] snapshot() {
        return new long[] {reads.get(), readBytes.get(), writes.get(), writeBytes.get(), flushes.get()};
    }
}
