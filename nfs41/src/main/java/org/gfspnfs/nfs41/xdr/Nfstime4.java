package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfstime4 (RFC 5662): seconds since the epoch and nanoseconds. */
public class Nfstime4 implements XdrAble {
    public long seconds;
    public int nseconds;

    public Nfstime4() {
    }

    public Nfstime4(long seconds, int nseconds) {
        this.seconds = seconds;
        this.nseconds = nseconds;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(seconds);
        xdr.xdrEncodeInt(nseconds);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        seconds = xdr.xdrDecodeLong();
        nseconds = xdr.xdrDecodeInt();
    }
}
