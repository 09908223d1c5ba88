package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** SEQUENCE4resok. */
public class Sequence4Res implements XdrAble {
    public byte[] sessionId;
    public int sequenceId;
    public int slotId;
    public int highestSlotId;
    public int targetHighestSlotId;
    public int statusFlags;

    public Sequence4Res() {
    }

    public Sequence4Res(byte[] sessionId, int sequenceId, int slotId, int highestSlotId, int targetHighestSlotId, int statusFlags) {
        this.sessionId = sessionId;
        this.sequenceId = sequenceId;
        this.slotId = slotId;
        this.highestSlotId = highestSlotId;
        this.targetHighestSlotId = targetHighestSlotId;
        this.statusFlags = statusFlags;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(sequenceId);
        xdr.xdrEncodeInt(slotId);
        xdr.xdrEncodeInt(highestSlotId);
        xdr.xdrEncodeInt(targetHighestSlotId);
        xdr.xdrEncodeInt(statusFlags);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        sequenceId = xdr.xdrDecodeInt();
        slotId = xdr.xdrDecodeInt();
        highestSlotId = xdr.xdrDecodeInt();
        targetHighestSlotId = xdr.xdrDecodeInt();
        statusFlags = xdr.xdrDecodeInt();
    }
}
