package org.gfspnfs.gfs.acceptance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * Records every write and flush barrier made to a device, in order, so that the device as a crash at any point
 * would leave it can be rebuilt afterwards ({@link CrashImages}): one workload run serves every crash point.
 */
final class RecordingDevice implements BlockDevice {
    /** A write (data != null) or a flush barrier. */
    record Event(long offset, byte[] data) {
        boolean flush() {
            return data == null;
        }
    }

    private final BlockDevice inner;
    private final List<Event> events = new ArrayList<>();

    RecordingDevice(BlockDevice inner) {
        this.inner = inner;
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Events so far: a crash "at n" keeps what events [0, n) made durable. */
    synchronized int position() {
        return events.size();
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        inner.read(offset, dst);
    }

    @Override
    public synchronized void write(long offset, ByteBuffer src) throws IOException {
        byte[] copy = new byte[src.remaining()];
        src.duplicate().get(copy);
        inner.write(offset, src);
        events.add(new Event(offset, copy));
    }

    @Override
    public synchronized void flush() throws IOException {
        inner.flush();
        events.add(new Event(-1, null));
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
