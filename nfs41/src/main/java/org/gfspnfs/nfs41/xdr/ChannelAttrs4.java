package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** channel_attrs4 (RFC 8881 section 18.36): limits of one channel of a session. */
public class ChannelAttrs4 implements XdrAble {
    public int headerPadSize;
    public int maxRequestSize;
    public int maxResponseSize;
    public int maxResponseSizeCached;
    public int maxOperations;
    public int maxRequests;
    public int[] rdmaIrd;

    public ChannelAttrs4() {
    }

    public ChannelAttrs4(int headerPadSize, int maxRequestSize, int maxResponseSize, int maxResponseSizeCached, int maxOperations, int maxRequests, int[] rdmaIrd) {
        this.headerPadSize = headerPadSize;
        this.maxRequestSize = maxRequestSize;
        this.maxResponseSize = maxResponseSize;
        this.maxResponseSizeCached = maxResponseSizeCached;
        this.maxOperations = maxOperations;
        this.maxRequests = maxRequests;
        this.rdmaIrd = rdmaIrd;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(headerPadSize);
        xdr.xdrEncodeInt(maxRequestSize);
        xdr.xdrEncodeInt(maxResponseSize);
        xdr.xdrEncodeInt(maxResponseSizeCached);
        xdr.xdrEncodeInt(maxOperations);
        xdr.xdrEncodeInt(maxRequests);
        xdr.xdrEncodeIntVector(rdmaIrd);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        headerPadSize = xdr.xdrDecodeInt();
        maxRequestSize = xdr.xdrDecodeInt();
        maxResponseSize = xdr.xdrDecodeInt();
        maxResponseSizeCached = xdr.xdrDecodeInt();
        maxOperations = xdr.xdrDecodeInt();
        maxRequests = xdr.xdrDecodeInt();
        rdmaIrd = new int[XdrBounds.count(xdr, 1)];
        for (int i = 0; i < rdmaIrd.length; i++) {
            rdmaIrd[i] = xdr.xdrDecodeInt();
        }
    }
}
