package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** SECINFO4resok (RFC 8881 section 18.29): the flavors the export accepts, most preferred first. */
public class Secinfo4Res implements XdrAble {
    public List<Integer> flavors = new ArrayList<>();

    public Secinfo4Res() {
    }

    public Secinfo4Res(List<Integer> flavors) {
        this.flavors = flavors;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(flavors.size());
        for (int flavor : flavors) {
            if (flavor == CallbackSecParms4.RPCSEC_GSS) {
                throw new XdrBounds.BadXdrLengthException(flavor, CallbackSecParms4.AUTH_SYS);
            }
            xdr.xdrEncodeInt(flavor);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int n = XdrBounds.count(xdr, 16);
        flavors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int flavor = xdr.xdrDecodeInt();
            if (flavor == CallbackSecParms4.RPCSEC_GSS) {
                XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
                xdr.xdrDecodeInt();
                xdr.xdrDecodeInt();
            }
            flavors.add(flavor);
        }
    }
}
