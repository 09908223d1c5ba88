package org.gfspnfs.gfs.journal;

/**
 * A sealed metadata block image and its home address, as it is logged and replayed.
 *
 * @param address home block address
 * @param data    the complete block (header, contents, CRC)
 */
public record BlockImage(long address, byte[] data) {
}
