package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * ff_layout4 (RFC 8435 section 5.1), the loc_body of a LAYOUT4_FLEX_FILES layout: stripe unit, mirrors, flags
 * (FF_FLAGS_*, section 5.1) and the layout-stats hint (0: none wanted).
 */
public class FfLayout4 implements XdrAble {
    public static final int FF_FLAGS_NO_LAYOUTCOMMIT = 0x1;
    public static final int FF_FLAGS_NO_IO_THRU_MDS = 0x2;
    public static final int FF_FLAGS_NO_READ_IO = 0x4;
    public static final int FF_FLAGS_WRITE_ONE_MIRROR = 0x8;

    public long stripeUnit;
    public List<FfMirror4> mirrors;
    public int flags;
    public int statsCollectHint;

    public FfLayout4() {
    }

    public FfLayout4(long stripeUnit, List<FfMirror4> mirrors, int flags, int statsCollectHint) {
        this.stripeUnit = stripeUnit;
        this.mirrors = mirrors;
        this.flags = flags;
        this.statsCollectHint = statsCollectHint;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(stripeUnit);
        xdr.xdrEncodeInt(mirrors.size());
        for (FfMirror4 m : mirrors) {
            m.xdrEncode(xdr);
        }
        xdr.xdrEncodeInt(flags);
        xdr.xdrEncodeInt(statsCollectHint);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stripeUnit = xdr.xdrDecodeLong();
        int n = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        mirrors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FfMirror4 m = new FfMirror4();
            m.xdrDecode(xdr);
            mirrors.add(m);
        }
        flags = xdr.xdrDecodeInt();
        statsCollectHint = xdr.xdrDecodeInt();
    }
}
