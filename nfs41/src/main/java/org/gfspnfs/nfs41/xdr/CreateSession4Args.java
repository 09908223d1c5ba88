package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CREATE_SESSION4args (RFC 8881 section 18.36). */
public class CreateSession4Args implements XdrAble {
    public long clientId;
    public int sequence;
    public int flags;
    public ChannelAttrs4 foreAttrs;
    public ChannelAttrs4 backAttrs;
    public int cbProgram;
    public List<CallbackSecParms4> secParms;

    public CreateSession4Args() {
    }

    public CreateSession4Args(long clientId, int sequence, int flags, ChannelAttrs4 foreAttrs, ChannelAttrs4 backAttrs, int cbProgram, List<CallbackSecParms4> secParms) {
        this.clientId = clientId;
        this.sequence = sequence;
        this.flags = flags;
        this.foreAttrs = foreAttrs;
        this.backAttrs = backAttrs;
        this.cbProgram = cbProgram;
        this.secParms = secParms;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(clientId);
        xdr.xdrEncodeInt(sequence);
        xdr.xdrEncodeInt(flags);
        foreAttrs.xdrEncode(xdr);
        backAttrs.xdrEncode(xdr);
        xdr.xdrEncodeInt(cbProgram);
        xdr.xdrEncodeInt(secParms.size());
        for (CallbackSecParms4 e : secParms) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        clientId = xdr.xdrDecodeLong();
        sequence = xdr.xdrDecodeInt();
        flags = xdr.xdrDecodeInt();
        foreAttrs = new ChannelAttrs4();
        foreAttrs.xdrDecode(xdr);
        backAttrs = new ChannelAttrs4();
        backAttrs.xdrDecode(xdr);
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
