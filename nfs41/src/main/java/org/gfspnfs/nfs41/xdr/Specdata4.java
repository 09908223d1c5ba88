package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** specdata4: major and minor device numbers. */
public class Specdata4 implements XdrAble {
    public int major;
    public int minor;

    public Specdata4() {
    }

    public Specdata4(int major, int minor) {
        this.major = major;
        this.minor = minor;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(major);
        xdr.xdrEncodeInt(minor);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        major = xdr.xdrDecodeInt();
        minor = xdr.xdrDecodeInt();
    }
}
