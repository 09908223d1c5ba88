package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** OPEN_DOWNGRADE4args (RFC 8881 section 18.18). */
public class OpenDowngrade4Args implements XdrAble {
    public Stateid4 stateid;
    public int seqid;
    public int shareAccess;
    public int shareDeny;

    public OpenDowngrade4Args() {
    }

    public OpenDowngrade4Args(Stateid4 stateid, int seqid, int shareAccess, int shareDeny) {
        this.stateid = stateid;
        this.seqid = seqid;
        this.shareAccess = shareAccess;
        this.shareDeny = shareDeny;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeInt(seqid);
        xdr.xdrEncodeInt(shareAccess);
        xdr.xdrEncodeInt(shareDeny);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        seqid = xdr.xdrDecodeInt();
        shareAccess = xdr.xdrDecodeInt();
        shareDeny = xdr.xdrDecodeInt();
    }
}
