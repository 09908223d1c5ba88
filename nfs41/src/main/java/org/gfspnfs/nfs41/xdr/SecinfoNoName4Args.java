package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** SECINFO_NO_NAME4args (RFC 8881 section 18.45): 0 = current fh, 1 = parent. */
public class SecinfoNoName4Args implements XdrAble {
    public int style;

    public SecinfoNoName4Args() {
    }

    public SecinfoNoName4Args(int style) {
        this.style = style;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(style);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        style = xdr.xdrDecodeInt();
    }
}
