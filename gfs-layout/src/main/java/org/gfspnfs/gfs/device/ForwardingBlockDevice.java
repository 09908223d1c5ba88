package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A device that passes every call to the one below it; decorators (write-behind, the fence gate, test devices)
 * override what they change and inherit the rest.
 */
public abstract class ForwardingBlockDevice implements BlockDevice {
    private final BlockDevice device;

    protected ForwardingBlockDevice(BlockDevice device) {
        this.device = device;
    }

    /** The device below. */
    protected final BlockDevice device() {
        return device;
    }

    @Override
    public long size() {
        return device.size();
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        device.read(offset, dst);
    }

    @Override
    public long transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        return device.transferTo(offset, count, target);
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        device.write(offset, src);
    }

    @Override
    public void flush() throws IOException {
        device.flush();
    }

    @Override
    public void close() throws IOException {
        device.close();
    }
}
