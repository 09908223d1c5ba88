package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** COMMIT4args (RFC 8881 section 18.3). */
public class Commit4Args implements XdrAble {
    public long offset;
    public int count;

    public Commit4Args() {
    }

    public Commit4Args(long offset, int count) {
        this.offset = offset;
        this.count = count;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeInt(count);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        count = xdr.xdrDecodeInt();
    }
}
