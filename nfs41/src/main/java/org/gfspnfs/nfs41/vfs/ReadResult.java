package org.gfspnfs.nfs41.vfs;

/** Bytes read and whether they reach the end of the file (RFC 8881 section 18.22). */
public record ReadResult(byte[] data, boolean eof) {
}
