package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** TEST_STATEID4args (RFC 8881 section 18.48). */
public class TestStateid4Args implements XdrAble {
    public List<Stateid4> stateids;

    public TestStateid4Args() {
    }

    public TestStateid4Args(List<Stateid4> stateids) {
        this.stateids = stateids;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(stateids.size());
        for (Stateid4 e : stateids) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int stateidsCount = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        stateids = new ArrayList<>(stateidsCount);
        for (int i = 0; i < stateidsCount; i++) {
            Stateid4 e = new Stateid4();
            e.xdrDecode(xdr);
            stateids.add(e);
        }
    }
}
