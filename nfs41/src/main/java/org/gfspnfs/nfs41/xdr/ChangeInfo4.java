package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** change_info4 (RFC 8881 section 3.3.6): the directory change attribute before and after an update. */
public class ChangeInfo4 implements XdrAble {
    public boolean atomic;
    public long before;
    public long after;

    public ChangeInfo4() {
    }

    public ChangeInfo4(boolean atomic, long before, long after) {
        this.atomic = atomic;
        this.before = before;
        this.after = after;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeBoolean(atomic);
        xdr.xdrEncodeLong(before);
        xdr.xdrEncodeLong(after);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        atomic = XdrBounds.bool(xdr);
        before = xdr.xdrDecodeLong();
        after = xdr.xdrDecodeLong();
    }
}
