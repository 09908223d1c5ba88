package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** SEQUENCE4args (RFC 8881 section 18.46). */
public class Sequence4Args implements XdrAble {
    public byte[] sessionId;
    public int sequenceId;
    public int slotId;
    public int highestSlotId;
    public boolean cacheThis;

    public Sequence4Args() {
    }

    public Sequence4Args(byte[] sessionId, int sequenceId, int slotId, int highestSlotId, boolean cacheThis) {
        this.sessionId = sessionId;
        this.sequenceId = sequenceId;
        this.slotId = slotId;
        this.highestSlotId = highestSlotId;
        this.cacheThis = cacheThis;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(sequenceId);
        xdr.xdrEncodeInt(slotId);
        xdr.xdrEncodeInt(highestSlotId);
        xdr.xdrEncodeBoolean(cacheThis);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        sequenceId = xdr.xdrDecodeInt();
        slotId = xdr.xdrDecodeInt();
        highestSlotId = xdr.xdrDecodeInt();
        cacheThis = XdrBounds.bool(xdr);
    }
}
