package org.gfspnfs.nfs41.xdr;

/**
 * A result that knows its encoded size: the compound's reply-size check asks it instead of walking an encoding of
 * it (a READDIR reply of thousands of entries would otherwise be walked twice: once to count, once to send).
 */
public interface SizedXdr {
    /** Bytes {@code xdrEncode} writes. */
    int encodedSize();
}
