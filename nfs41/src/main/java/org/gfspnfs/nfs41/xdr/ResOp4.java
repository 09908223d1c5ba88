package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfs_resop4: operation number, status, and the result body (null when the result is void). */
public class ResOp4 implements XdrAble {
    public int opnum;
    public int status;
    public XdrAble body;

    public ResOp4() {
    }

    public ResOp4(int opnum, int status, XdrAble body) {
        this.opnum = opnum;
        this.status = status;
        this.body = body;
    }

    /** Lets go of what the body holds until it is sent (a READ's payload), if no transport took it. */
    public void abandon() {
        if (body instanceof Read4Res read) {
            read.abandon();
        }
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(opnum);
        xdr.xdrEncodeInt(status);
        if (body != null) {
            body.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        opnum = xdr.xdrDecodeInt();
        status = xdr.xdrDecodeInt();
        body = ResTypes.newBody(opnum, status);
        if (body != null) {
            body.xdrDecode(xdr);
        }
    }
}
