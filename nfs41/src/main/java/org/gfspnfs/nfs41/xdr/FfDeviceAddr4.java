package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** ff_device_addr4 (RFC 8435 section 5.2): one data server's addresses (multipath) and the versions it speaks. */
public class FfDeviceAddr4 implements XdrAble {
    public MultipathList4 netAddrs;
    public List<FfDeviceVersions4> versions;

    public FfDeviceAddr4() {
    }

    public FfDeviceAddr4(MultipathList4 netAddrs, List<FfDeviceVersions4> versions) {
        this.netAddrs = netAddrs;
        this.versions = versions;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        netAddrs.xdrEncode(xdr);
        xdr.xdrEncodeInt(versions.size());
        for (FfDeviceVersions4 v : versions) {
            v.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        netAddrs = new MultipathList4();
        netAddrs.xdrDecode(xdr);
        int n = XdrBounds.count(xdr, 16);
        versions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FfDeviceVersions4 v = new FfDeviceVersions4();
            v.xdrDecode(xdr);
            versions.add(v);
        }
    }
}
