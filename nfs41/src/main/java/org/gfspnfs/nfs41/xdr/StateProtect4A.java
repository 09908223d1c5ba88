package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** state_protect4_a (RFC 8881 section 18.35): how the client wants its state protected. */
public class StateProtect4A implements XdrAble {
    public static final int SP4_NONE = 0;
    public static final int SP4_MACH_CRED = 1;
    public static final int SP4_SSV = 2;

    public int how;
    public int[] mustEnforce = new int[0];
    public int[] mustAllow = new int[0];

    public StateProtect4A() {
    }

    public StateProtect4A(int how) {
        this.how = how;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(how);
        if (how == SP4_MACH_CRED) {
            xdr.xdrEncodeIntVector(mustEnforce);
            xdr.xdrEncodeIntVector(mustAllow);
        } else if (how != SP4_NONE) {
            throw new XdrBounds.BadXdrLengthException(how, SP4_MACH_CRED);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        how = xdr.xdrDecodeInt();
        switch (how) {
            case SP4_NONE:
                break;
            case SP4_MACH_CRED:
                mustEnforce = XdrBounds.bitmap(xdr);
                mustAllow = XdrBounds.bitmap(xdr);
                break;
            case SP4_SSV:
                mustEnforce = XdrBounds.bitmap(xdr);
                mustAllow = XdrBounds.bitmap(xdr);
                skipOids(xdr);
                skipOids(xdr);
                xdr.xdrDecodeInt();
                xdr.xdrDecodeInt();
                break;
            default:
                throw new XdrBounds.BadXdrLengthException(how, SP4_SSV);
        }
    }

    private static void skipOids(XdrDecodingStream xdr) throws IOException {
        int n = XdrBounds.count(xdr, 16);
        for (int i = 0; i < n; i++) {
            XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        }
    }
}
