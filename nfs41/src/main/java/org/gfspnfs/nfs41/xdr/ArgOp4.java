package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfs_argop4: an operation number and its decoded arguments. */
public class ArgOp4 implements XdrAble {
    public int opnum;
    public XdrAble args;

    public ArgOp4() {
    }

    public ArgOp4(int opnum, XdrAble args) {
        this.opnum = opnum;
        this.args = args;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(opnum);
        args.xdrEncode(xdr);
    }

    /** Not used: {@link CompoundArgs4} decodes operations itself so that it can stop at the first bad one. */
    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        throw new UnsupportedOperationException("decoded by CompoundArgs4");
    }
}
