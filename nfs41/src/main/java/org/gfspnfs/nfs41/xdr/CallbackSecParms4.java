package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** callback_sec_parms4 (RFC 8881 section 18.36): the credential the server uses on the backchannel. */
public class CallbackSecParms4 implements XdrAble {
    public static final int AUTH_NONE = 0;
    public static final int AUTH_SYS = 1;
    public static final int RPCSEC_GSS = 6;

    public int flavor;
    public AuthSysParms4 authSys;
    public GssCbHandles4 gss;

    public CallbackSecParms4() {
    }

    public CallbackSecParms4(int flavor, AuthSysParms4 authSys) {
        this.flavor = flavor;
        this.authSys = authSys;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(flavor);
        if (flavor == AUTH_SYS) {
            authSys.xdrEncode(xdr);
        } else if (flavor == RPCSEC_GSS) {
            gss.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        flavor = xdr.xdrDecodeInt();
        switch (flavor) {
            case AUTH_NONE:
                break;
            case AUTH_SYS:
                authSys = new AuthSysParms4();
                authSys.xdrDecode(xdr);
                break;
            case RPCSEC_GSS:
                gss = new GssCbHandles4();
                gss.xdrDecode(xdr);
                break;
            default:
                throw new XdrBounds.BadXdrLengthException(flavor, RPCSEC_GSS);
        }
    }
}
