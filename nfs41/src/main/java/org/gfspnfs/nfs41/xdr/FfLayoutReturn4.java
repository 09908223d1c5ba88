package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * ff_layoutreturn4 (RFC 8435 section 9.1), the lrf_body of a flexfiles LAYOUTRETURN: I/O errors the client met on
 * data servers and its I/O statistics per data server. The Linux client sends it with every return.
 */
public class FfLayoutReturn4 implements XdrAble {
    public List<FfIoErr4> ioErrors = new ArrayList<>();
    public List<FfIoStats4> ioStats = new ArrayList<>();

    public FfLayoutReturn4() {
    }

    public FfLayoutReturn4(List<FfIoErr4> ioErrors, List<FfIoStats4> ioStats) {
        this.ioErrors = ioErrors;
        this.ioStats = ioStats;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(ioErrors.size());
        for (FfIoErr4 e : ioErrors) {
            e.xdrEncode(xdr);
        }
        xdr.xdrEncodeInt(ioStats.size());
        for (FfIoStats4 s : ioStats) {
            s.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int n = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        ioErrors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FfIoErr4 e = new FfIoErr4();
            e.xdrDecode(xdr);
            ioErrors.add(e);
        }
        int m = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        ioStats = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            FfIoStats4 s = new FfIoStats4();
            s.xdrDecode(xdr);
            ioStats.add(s);
        }
    }
}
