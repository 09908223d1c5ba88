package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** referring_call4 (RFC 8881 section 20.9). */
public class ReferringCall4 implements XdrAble {
    public int sequenceId;
    public int slotId;

    public ReferringCall4() {
    }

    public ReferringCall4(int sequenceId, int slotId) {
        this.sequenceId = sequenceId;
        this.slotId = slotId;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(sequenceId);
        xdr.xdrEncodeInt(slotId);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sequenceId = xdr.xdrDecodeInt();
        slotId = xdr.xdrDecodeInt();
    }
}
