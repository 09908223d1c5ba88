package org.gfspnfs.node.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.device.ForwardingBlockDevice;
import org.gfspnfs.membership.sbd.IoGate;

/**
 * The shared device as a cluster member may use it: every write and flush first asks the {@link IoGate}, which is
 * open only while this node holds a current write lease (quorate, its fence slot read clean within the watchdog
 * timeout). A node that was poisoned, lost quorum or hung past its lease gets a
 * {@link org.gfspnfs.membership.sbd.FencedIoException} instead of touching the disk the survivors are recovering.
 * Reads stay open: they cannot harm anyone.
 */
public final class GatedBlockDevice extends ForwardingBlockDevice {
    private final IoGate gate;

    public GatedBlockDevice(BlockDevice device, IoGate gate) {
        super(device);
        this.gate = gate;
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        gate.checkWrite();
        device().write(offset, src);
    }

    @Override
    public void flush() throws IOException {
        gate.checkWrite();
        device().flush();
    }
}
