package org.gfspnfs.mds.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.MappedRead;
import org.gfspnfs.nfs41.vfs.ReadPayload;

/** A gfs-layout {@link MappedRead} as the engine's {@link ReadPayload}: sent from the device, closed on release. */
final class MappedReadPayload implements ReadPayload {
    private final MappedRead read;

    MappedReadPayload(MappedRead read) {
        this.read = read;
    }

    @Override
    public int length() {
        return read.length();
    }

    @Override
    public long transferTo(long position, WritableByteChannel target) throws IOException {
        return read.transferTo(position, target);
    }

    @Override
    public void copyTo(ByteBuffer dst) throws IOException {
        try {
            read.copyTo(dst);
        } catch (GfsException e) {
            throw new IOException("reading file data: " + e.getMessage(), e);
        }
    }

    @Override
    public void release() {
        read.close();
    }
}
