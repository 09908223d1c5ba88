package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CREATE_SESSION4resok. */
public class CreateSession4Res implements XdrAble {
    public byte[] sessionId;
    public int sequence;
    public int flags;
    public ChannelAttrs4 foreAttrs;
    public ChannelAttrs4 backAttrs;

    public CreateSession4Res() {
    }

    public CreateSession4Res(byte[] sessionId, int sequence, int flags, ChannelAttrs4 foreAttrs, ChannelAttrs4 backAttrs) {
        this.sessionId = sessionId;
        this.sequence = sequence;
        this.flags = flags;
        this.foreAttrs = foreAttrs;
        this.backAttrs = backAttrs;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(sessionId, 16);
        xdr.xdrEncodeInt(sequence);
        xdr.xdrEncodeInt(flags);
        foreAttrs.xdrEncode(xdr);
        backAttrs.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        sessionId = XdrBounds.fixed(xdr, 16);
        sequence = xdr.xdrDecodeInt();
        flags = xdr.xdrDecodeInt();
        foreAttrs = new ChannelAttrs4();
        foreAttrs.xdrDecode(xdr);
        backAttrs = new ChannelAttrs4();
        backAttrs.xdrDecode(xdr);
    }
}
