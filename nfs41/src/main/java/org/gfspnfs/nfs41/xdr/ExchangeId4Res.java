package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** EXCHANGE_ID4resok. */
public class ExchangeId4Res implements XdrAble {
    public long clientId;
    public int sequenceId;
    public int flags;
    public StateProtect4R stateProtect;
    public ServerOwner4 serverOwner;
    public byte[] serverScope;
    public List<NfsImplId4> implId;

    public ExchangeId4Res() {
    }

    public ExchangeId4Res(long clientId, int sequenceId, int flags, StateProtect4R stateProtect, ServerOwner4 serverOwner, byte[] serverScope, List<NfsImplId4> implId) {
        this.clientId = clientId;
        this.sequenceId = sequenceId;
        this.flags = flags;
        this.stateProtect = stateProtect;
        this.serverOwner = serverOwner;
        this.serverScope = serverScope;
        this.implId = implId;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(clientId);
        xdr.xdrEncodeInt(sequenceId);
        xdr.xdrEncodeInt(flags);
        stateProtect.xdrEncode(xdr);
        serverOwner.xdrEncode(xdr);
        xdr.xdrEncodeDynamicOpaque(serverScope);
        xdr.xdrEncodeInt(implId.size());
        for (NfsImplId4 e : implId) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        clientId = xdr.xdrDecodeLong();
        sequenceId = xdr.xdrDecodeInt();
        flags = xdr.xdrDecodeInt();
        stateProtect = new StateProtect4R();
        stateProtect.xdrDecode(xdr);
        serverOwner = new ServerOwner4();
        serverOwner.xdrDecode(xdr);
        serverScope = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        int implIdCount = XdrBounds.count(xdr, 1);
        implId = new ArrayList<>(implIdCount);
        for (int i = 0; i < implIdCount; i++) {
            NfsImplId4 e = new NfsImplId4();
            e.xdrDecode(xdr);
            implId.add(e);
        }
    }
}
