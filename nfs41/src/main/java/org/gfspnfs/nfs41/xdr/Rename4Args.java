package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** RENAME4args (RFC 8881 section 18.26). */
public class Rename4Args implements XdrAble {
    public byte[] oldName;
    public byte[] newName;

    public Rename4Args() {
    }

    public Rename4Args(byte[] oldName, byte[] newName) {
        this.oldName = oldName;
        this.newName = newName;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(oldName);
        xdr.xdrEncodeDynamicOpaque(newName);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        oldName = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
        newName = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
    }
}
