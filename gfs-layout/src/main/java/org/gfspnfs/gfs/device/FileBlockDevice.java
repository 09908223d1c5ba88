package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link BlockDevice} on an image file or a block device node, through positional {@link FileChannel} I/O (no
 * shared file position, so concurrent readers and writers do not interfere). {@link #flush()} is
 * {@code FileChannel.force(false)}: data plus the metadata needed to read it back.
 */
public final class FileBlockDevice implements BlockDevice {
    private final FileChannel channel;
    private final long size;
    private final boolean readOnly;

    private FileBlockDevice(FileChannel channel, long size, boolean readOnly) {
        this.channel = channel;
        this.size = size;
        this.readOnly = readOnly;
    }

    /** Opens an existing image file or device node read-write; its current size is the device size. */
    public static FileBlockDevice open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new FileBlockDevice(ch, ch.size(), false);
    }

    /** Opens an existing image read-only (for fsck/dump); writes fail. */
    public static FileBlockDevice openReadOnly(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new FileBlockDevice(ch, ch.size(), true);
    }

    /** Creates (or truncates) a sparse image file of {@code sizeBytes}. */
    public static FileBlockDevice create(Path path, long sizeBytes) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        if (sizeBytes > 0) {
            ch.write(ByteBuffer.allocate(1), sizeBytes - 1);
        }
        return new FileBlockDevice(ch, sizeBytes, false);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, ByteBuffer dst) throws IOException {
        checkRange(offset, dst.remaining());
        long pos = offset;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                // Past the end of a file that is shorter than it claims: the unwritten tail reads as zeros.
                while (dst.hasRemaining()) {
                    dst.put((byte) 0);
                }
                return;
            }
            pos += n;
        }
    }

    @Override
    public long transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        checkRange(offset, count);
        long n = channel.transferTo(offset, count, target);
        if (n == 0 && offset >= channel.size()) {
            // Past the end of a file shorter than it claims: the zeros read() returns there.
            return BlockDevice.super.transferTo(offset, count, target);
        }
        return n;
    }

    @Override
    public void write(long offset, ByteBuffer src) throws IOException {
        if (readOnly) {
            throw new IOException("device opened read-only");
        }
        checkRange(offset, src.remaining());
        long pos = offset;
        while (src.hasRemaining()) {
            pos += channel.write(src, pos);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!readOnly) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void checkRange(long offset, long len) throws IOException {
        if (offset < 0 || offset + len > size) {
            throw new IOException("I/O at " + offset + "+" + len + " outside device of " + size + " bytes");
        }
    }
}
