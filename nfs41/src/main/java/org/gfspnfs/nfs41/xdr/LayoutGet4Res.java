package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** LAYOUTGET4resok. */
public class LayoutGet4Res implements XdrAble {
    public boolean returnOnClose;
    public Stateid4 stateid;
    public List<Layout4> layouts;

    public LayoutGet4Res() {
    }

    public LayoutGet4Res(boolean returnOnClose, Stateid4 stateid, List<Layout4> layouts) {
        this.returnOnClose = returnOnClose;
        this.stateid = stateid;
        this.layouts = layouts;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(returnOnClose);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeInt(layouts.size());
        for (Layout4 e : layouts) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        returnOnClose = XdrBounds.bool(xdr);
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        int layoutsCount = XdrBounds.count(xdr, 64);
        layouts = new ArrayList<>(layoutsCount);
        for (int i = 0; i < layoutsCount; i++) {
            Layout4 e = new Layout4();
            e.xdrDecode(xdr);
            layouts.add(e);
        }
    }
}
