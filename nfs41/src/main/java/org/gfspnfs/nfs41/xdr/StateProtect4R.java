package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** state_protect4_r (RFC 8881 section 18.35): the protection the server grants. SSV is never granted. */
public class StateProtect4R implements XdrAble {
    public int how;
    public int[] mustEnforce = new int[0];
    public int[] mustAllow = new int[0];

    public StateProtect4R() {
    }

    public StateProtect4R(int how) {
        this.how = how;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(how);
        if (how == StateProtect4A.SP4_MACH_CRED) {
            xdr.xdrEncodeIntVector(mustEnforce);
            xdr.xdrEncodeIntVector(mustAllow);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        how = xdr.xdrDecodeInt();
        if (how == StateProtect4A.SP4_MACH_CRED) {
            mustEnforce = XdrBounds.bitmap(xdr);
            mustAllow = XdrBounds.bitmap(xdr);
        } else if (how != StateProtect4A.SP4_NONE) {
            throw new XdrBounds.BadXdrLengthException(how, StateProtect4A.SP4_MACH_CRED);
        }
    }
}
