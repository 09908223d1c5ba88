package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CB_SEQUENCE4args (RFC 8881 section 20.9). */
public class CbSequence4Args implements XdrAble {
    public byte[] sessionId;
    public int sequenceId;
    public int slotId;
    public int highestSlotId;
    public boolean cacheThis;
    public List<ReferringCallList4> referringCalls;

    public CbSequence4Args() {
    }

    public CbSequence4Args(byte[] sessionId, int sequenceId, int slotId, int highestSlotId, boolean cacheThis, List<ReferringCallList4> referringCalls) {
        this.sessionId = sessionId;
        this.sequenceId = sequenceId;
        this.slotId = slotId;
        this.highestSlotId = highestSlotId;
        this.cacheThis = cacheThis;
        this.referringCalls = referringCalls;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(sequenceId);
        xdr.xdrEncodeInt(slotId);
        xdr.xdrEncodeInt(highestSlotId);
        xdr.xdrEncodeBoolean(cacheThis);
        xdr.xdrEncodeInt(referringCalls.size());
        for (ReferringCallList4 e : referringCalls) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        sequenceId = xdr.xdrDecodeInt();
        slotId = xdr.xdrDecodeInt();
        highestSlotId = xdr.xdrDecodeInt();
        cacheThis = XdrBounds.bool(xdr);
        int referringCallsCount = XdrBounds.count(xdr, 16);
        referringCalls = new ArrayList<>(referringCallsCount);
        for (int i = 0; i < referringCallsCount; i++) {
            ReferringCallList4 e = new ReferringCallList4();
            e.xdrDecode(xdr);
            referringCalls.add(e);
        }
    }
}
