package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LAYOUTCOMMIT4resok: the new file size, if it changed (newsize4). */
public class LayoutCommit4Res implements XdrAble {
    public Long newSize;

    public LayoutCommit4Res() {
    }

    public LayoutCommit4Res(Long newSize) {
        this.newSize = newSize;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(newSize != null);
        if (newSize != null) {
            xdr.xdrEncodeLong(newSize);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        newSize = XdrBounds.bool(xdr) ? xdr.xdrDecodeLong() : null;
    }
}
