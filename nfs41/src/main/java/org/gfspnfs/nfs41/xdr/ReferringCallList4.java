package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** referring_call_list4. */
public class ReferringCallList4 implements XdrAble {
    public byte[] sessionId;
    public List<ReferringCall4> calls;

    public ReferringCallList4() {
    }

    public ReferringCallList4(byte[] sessionId, List<ReferringCall4> calls) {
        this.sessionId = sessionId;
        this.calls = calls;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(calls.size());
        for (ReferringCall4 e : calls) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        int callsCount = XdrBounds.count(xdr, 64);
        calls = new ArrayList<>(callsCount);
        for (int i = 0; i < callsCount; i++) {
            ReferringCall4 e = new ReferringCall4();
            e.xdrDecode(xdr);
            calls.add(e);
        }
    }
}
