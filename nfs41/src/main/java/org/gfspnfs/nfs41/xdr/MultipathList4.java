package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** multipath_list4: the addresses of one data server, any of which may be used. */
public class MultipathList4 implements XdrAble {
    public List<NetAddr4> addrs;

    public MultipathList4() {
    }

    public MultipathList4(List<NetAddr4> addrs) {
        this.addrs = addrs;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(addrs.size());
        for (NetAddr4 e : addrs) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int addrsCount = XdrBounds.count(xdr, 16);
        addrs = new ArrayList<>(addrsCount);
        for (int i = 0; i < addrsCount; i++) {
            NetAddr4 e = new NetAddr4();
            e.xdrDecode(xdr);
            addrs.add(e);
        }
    }
}
