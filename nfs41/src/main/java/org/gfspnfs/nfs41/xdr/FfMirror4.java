package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** ff_mirror4 (RFC 8435 section 5.1): the data servers holding one copy of the file, striped by the stripe unit. */
public class FfMirror4 implements XdrAble {
    public List<FfDataServer4> dataServers;

    public FfMirror4() {
    }

    public FfMirror4(List<FfDataServer4> dataServers) {
        this.dataServers = dataServers;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(dataServers.size());
        for (FfDataServer4 ds : dataServers) {
            ds.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int n = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        dataServers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FfDataServer4 ds = new FfDataServer4();
            ds.xdrDecode(xdr);
            dataServers.add(ds);
        }
    }
}
