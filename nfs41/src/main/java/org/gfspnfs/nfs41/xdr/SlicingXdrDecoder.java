package org.gfspnfs.nfs41.xdr;

import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * A decoding stream that can hand out a large opaque as a view of the message it decodes instead of a copy (a
 * client placing READ data, as the kernel client places it in the page cache). The message's buffer stays valid
 * until every lease taken on it has run.
 */
public interface SlicingXdrDecoder extends XdrDecodingStream {

    /** The next {@code len} bytes as a read-only view; the stream moves past them and their XDR padding. */
    ByteBuffer xdrDecodeOpaqueView(int len) throws OncRpcException;

    /**
     * A hold on the message's buffer, for a result that keeps views of it: run it once, when the views are no longer
     * read. Taken once per result.
     */
    Runnable lease();
}
