package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** EXCHANGE_ID4args (RFC 8881 section 18.35). */
public class ExchangeId4Args implements XdrAble {
    public ClientOwner4 clientOwner;
    public int flags;
    public StateProtect4A stateProtect;
    public List<NfsImplId4> implId;

    public ExchangeId4Args() {
    }

    public ExchangeId4Args(ClientOwner4 clientOwner, int flags, StateProtect4A stateProtect, List<NfsImplId4> implId) {
        this.clientOwner = clientOwner;
        this.flags = flags;
        this.stateProtect = stateProtect;
        this.implId = implId;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        clientOwner.xdrEncode(xdr);
        xdr.xdrEncodeInt(flags);
        stateProtect.xdrEncode(xdr);
        xdr.xdrEncodeInt(implId.size());
        for (NfsImplId4 e : implId) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        clientOwner = new ClientOwner4();
        clientOwner.xdrDecode(xdr);
        flags = xdr.xdrDecodeInt();
        stateProtect = new StateProtect4A();
        stateProtect.xdrDecode(xdr);
        int implIdCount = XdrBounds.count(xdr, 1);
        implId = new ArrayList<>(implIdCount);
        for (int i = 0; i < implIdCount; i++) {
            NfsImplId4 e = new NfsImplId4();
            e.xdrDecode(xdr);
            implId.add(e);
        }
    }
}
