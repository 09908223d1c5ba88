package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** RENAME4resok. */
public class Rename4Res implements XdrAble {
    public ChangeInfo4 sourceCinfo;
    public ChangeInfo4 targetCinfo;

    public Rename4Res() {
    }

    public Rename4Res(ChangeInfo4 sourceCinfo, ChangeInfo4 targetCinfo) {
        this.sourceCinfo = sourceCinfo;
        this.targetCinfo = targetCinfo;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        sourceCinfo.xdrEncode(xdr);
        targetCinfo.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sourceCinfo = new ChangeInfo4();
        sourceCinfo.xdrDecode(xdr);
        targetCinfo = new ChangeInfo4();
        targetCinfo.xdrDecode(xdr);
    }
}
