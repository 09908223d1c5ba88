package org.gfspnfs.nfs41.xdr;

/**
 * An encoding stream that can take bytes already encoded elsewhere by reference: they are sent from the array,
 * not copied into the stream's buffer. For large replies built in one array (READDIR).
 */
public interface ShallowAppend {
    /**
     * Appends {@code bytes[0, length)} - whole XDR items, so a multiple of four - by reference. The array must not
     * change afterwards.
     */
    void appendShallow(byte[] bytes, int length);
}
