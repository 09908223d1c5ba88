package org.gfspnfs.gfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * File data mapped for a read whose bytes move later, for a server that sends them straight from the device to a
 * socket ({@link #transferTo}, sendfile(2) on an image file) instead of copying them through its own memory. The
 * blocks stay the file's until {@link #close}: a truncate, a delete, or another node asking for the inode waits
 * for the read, or, if it would have to wait for a client, first has the bytes still unsent copied into memory.
 * Close it whatever happens, once sent or given up.
 */
public interface MappedRead extends AutoCloseable {

    /** Bytes the read returns (fewer than asked at the end of the file). */
    int length();

    /** The file's size when the read was mapped (end of file is {@code offset + length() >= fileSize()}). */
    long fileSize();

    /**
     * Sends the read's bytes from {@code position} (0 .. {@link #length()}) on into {@code target}, as many as it
     * takes now (a non-blocking socket may take fewer, or none); returns how many.
     *
     * @throws IOException from the target or the device, or when the read was closed
     */
    long transferTo(long position, WritableByteChannel target) throws IOException;

    /** Copies the read's bytes into {@code dst} from its position and moves the position past them. */
    void copyTo(ByteBuffer dst) throws GfsException;

    /** Lets the blocks go. Idempotent. */
    @Override
    void close();
}
