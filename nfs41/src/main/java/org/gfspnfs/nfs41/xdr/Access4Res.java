package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** ACCESS4resok. */
public class Access4Res implements XdrAble {
    public int supported;
    public int access;

    public Access4Res() {
    }

    public Access4Res(int supported, int access) {
        this.supported = supported;
        this.access = access;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(supported);
        xdr.xdrEncodeInt(access);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        supported = xdr.xdrDecodeInt();
        access = xdr.xdrDecodeInt();
    }
}
