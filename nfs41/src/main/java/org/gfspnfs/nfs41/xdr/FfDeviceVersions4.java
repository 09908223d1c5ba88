package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * ff_device_versions4 (RFC 8435 section 5.2): an NFS version a data server speaks, its I/O sizes, and whether it
 * is tightly coupled (it checks the layout's stateid with the MDS, section 2.3).
 */
public class FfDeviceVersions4 implements XdrAble {
    public int version;
    public int minorVersion;
    public int rsize;
    public int wsize;
    public boolean tightlyCoupled;

    public FfDeviceVersions4() {
    }

    public FfDeviceVersions4(int version, int minorVersion, int rsize, int wsize, boolean tightlyCoupled) {
        this.version = version;
        this.minorVersion = minorVersion;
        this.rsize = rsize;
        this.wsize = wsize;
        this.tightlyCoupled = tightlyCoupled;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(version);
        xdr.xdrEncodeInt(minorVersion);
        xdr.xdrEncodeInt(rsize);
        xdr.xdrEncodeInt(wsize);
        xdr.xdrEncodeBoolean(tightlyCoupled);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        version = xdr.xdrDecodeInt();
        minorVersion = xdr.xdrDecodeInt();
        rsize = xdr.xdrDecodeInt();
        wsize = xdr.xdrDecodeInt();
        tightlyCoupled = XdrBounds.bool(xdr);
    }
}
