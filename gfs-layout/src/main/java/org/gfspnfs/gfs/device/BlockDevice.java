package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The shared block device every node mounts: positional reads and writes plus a flush barrier. The filesystem
 * addresses it in bytes (block number times block size); it never assumes anything is durable before
 * {@link #flush()} returns, which is where journal commits and fsync points put their write barriers.
 * Implementations are thread safe for concurrent positional I/O.
 */
public interface BlockDevice extends AutoCloseable {
    /** Bytes the default {@link #transferTo} reads at a time. */
    int TRANSFER_PIECE = 64 * 1024;

    /** Device size in bytes. */
    long size();

    /** Reads exactly {@code dst.remaining()} bytes at {@code offset}; beyond the end of a sparse file reads zeros. */
    void read(long offset, ByteBuffer dst) throws IOException;

    /**
     * Sends up to {@code count} bytes at {@code offset} into {@code target}, as much as it takes now (a non-blocking
     * socket may take less, or nothing); returns the bytes sent. A device over a file lets the kernel move them
     * (sendfile(2)), so they are never copied through this process; the default reads a piece and writes it.
     */
    default long transferTo(long offset, long count, WritableByteChannel target) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate((int) Math.min(count, TRANSFER_PIECE));
        read(offset, piece);
        piece.flip();
        return target.write(piece);
    }

    /** Writes all of {@code src.remaining()} bytes at {@code offset}. Not durable until {@link #flush()}. */
    void write(long offset, ByteBuffer src) throws IOException;

    /** Write barrier: every write that returned before this call is durable when it returns. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
