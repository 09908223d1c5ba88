package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** TEST_STATEID4resok. */
public class TestStateid4Res implements XdrAble {
    public int[] statuses;

    public TestStateid4Res() {
    }

    public TestStateid4Res(int[] statuses) {
        this.statuses = statuses;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeIntVector(statuses);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        statuses = new int[XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT)];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = xdr.xdrDecodeInt();
        }
    }
}
