package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** layout4: one segment of a layout. */
public class Layout4 implements XdrAble {
    public long offset;
    public long length;
    public int ioMode;
    public LayoutContent4 content;

    public Layout4() {
    }

    public Layout4(long offset, long length, int ioMode, LayoutContent4 content) {
        this.offset = offset;
        this.length = length;
        this.ioMode = ioMode;
        this.content = content;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        xdr.xdrEncodeInt(ioMode);
        content.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        ioMode = xdr.xdrDecodeInt();
        content = new LayoutContent4();
        content.xdrDecode(xdr);
    }
}
