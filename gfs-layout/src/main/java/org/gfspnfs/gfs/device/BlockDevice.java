package org.gfspnfs.gfs.device;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The shared block device every node mounts: positional reads and writes plus a flush barrier. The filesystem
 * addresses it in bytes (block number times block size); it never assumes anything is durable before
 * {@link #flush()} returns, which is where journal commits and fsync points put their write barriers.
 * Implementations are thread safe for concurrent positional I/O.
 */
public interface BlockDevice extends AutoCloseable {

    /** Device size in bytes. */
    long size();

    /** Reads exactly {@code dst.remaining()} bytes at {@code offset}; beyond the end of a sparse file reads zeros. */
    void read(long offset, ByteBuffer dst) throws IOException;

    /** Writes all of {@code src.remaining()} bytes at {@code offset}. Not durable until {@link #flush()}. */
    void write(long offset, ByteBuffer src) throws IOException;

    /** Write barrier: every write that returned before this call is durable when it returns. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
