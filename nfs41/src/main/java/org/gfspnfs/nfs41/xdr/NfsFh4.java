package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfs_fh4: an opaque file handle of at most NFS4_FHSIZE bytes (PUTFH arguments, GETFH result). */
public class NfsFh4 implements XdrAble {
    public byte[] value;

    public NfsFh4() {
    }

    public NfsFh4(byte[] value) {
        this.value = value;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(value);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        value = XdrBounds.opaque(xdr, XdrBounds.FH_SIZE);
    }
}
