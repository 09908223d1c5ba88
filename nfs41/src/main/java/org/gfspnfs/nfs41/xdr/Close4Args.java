package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CLOSE4args (RFC 8881 section 18.2). */
public class Close4Args implements XdrAble {
    public int seqid;
    public Stateid4 stateid;

    public Close4Args() {
    }

    public Close4Args(int seqid, Stateid4 stateid) {
        this.seqid = seqid;
        this.stateid = stateid;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(seqid);
        stateid.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        seqid = xdr.xdrDecodeInt();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
    }
}
