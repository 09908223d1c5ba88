package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.MappedRead;
import org.gfspnfs.gfs.device.BlockDevice;

/**
 * A {@link MappedRead} on a mount: a {@link PlannedRead} plus its {@link DataReads} ticket. Its lock is held while
 * bytes move, so a revocation (a waiter that needs the blocks) never copies while a send is reading the device; once
 * revoked the rest comes from the copy.
 */
final class MappedFileRead implements MappedRead, DataReads.Revocable {
    private final PlannedRead plan;
    private final BlockDevice device;
    private final DataReads reads;
    /** The {@link DataReads} ticket while the blocks are held; -1 before, and once revoked or closed. */
    private long ticket = -1;
    private ByteBuffer copied;
    private DeviceIOException copyFailure;
    private boolean closed;

    MappedFileRead(PlannedRead plan, BlockDevice device, DataReads reads) {
        this.plan = plan;
        this.device = device;
        this.reads = reads;
    }

    /** Begins the ticket: call under the operation lock, with the inode glock still held. */
    synchronized void begin() {
        ticket = reads.begin(this);
    }

    @Override
    public int length() {
        return plan.length();
    }

    @Override
    public long fileSize() {
        return plan.size();
    }

    @Override
    public synchronized long transferTo(long position, WritableByteChannel target) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (copied != null) {
            return target.write(copied.duplicate().position((int) position));
        }
        if (copyFailure != null) {
            throw new IOException("file data could not be read: " + copyFailure.getMessage(), copyFailure);
        }
        return plan.transferTo(device, position, target);
    }

    @Override
    public synchronized void copyTo(ByteBuffer dst) throws GfsException {
        if (closed) {
            throw new IllegalStateException("read already closed");
        }
        if (copied != null) {
            dst.put(copied.duplicate());
            return;
        }
        if (copyFailure != null) {
            throw copyFailure;
        }
        plan.copy(device, dst);
    }

    @Override
    public synchronized void revoke() {
        if (closed || ticket < 0) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(plan.length());
        try {
            plan.copy(device, b);
            copied = b.flip();
        } catch (DeviceIOException e) {
            copyFailure = e;
        }
        endTicket();
    }

    @Override
    public synchronized void close() {
        closed = true;
        copied = null;
        endTicket();
    }

    private void endTicket() {
        if (ticket >= 0) {
            reads.end(ticket);
            ticket = -1;
        }
    }
}
