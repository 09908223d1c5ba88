package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** ff_ioerr4 (RFC 8435 section 9.1.1): a range of I/O that failed on data servers, and the errors seen. */
public class FfIoErr4 implements XdrAble {
    public long offset;
    public long length;
    public Stateid4 stateid;
    public List<DeviceError4> errors;

    public FfIoErr4() {
    }

    public FfIoErr4(long offset, long length, Stateid4 stateid, List<DeviceError4> errors) {
        this.offset = offset;
        this.length = length;
        this.stateid = stateid;
        this.errors = errors;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeInt(errors.size());
        for (DeviceError4 e : errors) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        int n = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        errors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DeviceError4 e = new DeviceError4();
            e.xdrDecode(xdr);
            errors.add(e);
        }
    }
}
