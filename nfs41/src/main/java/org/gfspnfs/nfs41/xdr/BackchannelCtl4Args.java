package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** BACKCHANNEL_CTL4args (RFC 8881 section 18.33). */
public class BackchannelCtl4Args implements XdrAble {
    public int cbProgram;
    public List<CallbackSecParms4> secParms;

    public BackchannelCtl4Args() {
    }

    public BackchannelCtl4Args(int cbProgram, List<CallbackSecParms4> secParms) {
        this.cbProgram = cbProgram;
        this.secParms = secParms;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(cbProgram);
        xdr.xdrEncodeInt(secParms.size());
        for (CallbackSecParms4 e : secParms) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        cbProgram = xdr.xdrDecodeInt();
        int secParmsCount = XdrBounds.count(xdr, 16);
        secParms = new ArrayList<>(secParmsCount);
        for (int i = 0; i < secParmsCount; i++) {
            CallbackSecParms4 e = new CallbackSecParms4();
            e.xdrDecode(xdr);
            secParms.add(e);
        }
    }
}
