package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CREATE4args (RFC 8881 section 18.4): the createtype4 union flattened (link text, device numbers). */
public class Create4Args implements XdrAble {
    public int type;
    public byte[] linkData;
    public Specdata4 devData;
    public byte[] name;
    public Fattr4 attrs;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(type);
        if (type == FileType4.NF4LNK) {
            xdr.xdrEncodeDynamicOpaque(linkData);
        } else if (type == FileType4.NF4BLK || type == FileType4.NF4CHR) {
            devData.xdrEncode(xdr);
        }
        xdr.xdrEncodeDynamicOpaque(name);
        attrs.xdrEncode(xdr);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        type = xdr.xdrDecodeInt();
        if (type == FileType4.NF4LNK) {
            linkData = XdrBounds.opaque(xdr, XdrBounds.PATH_LIMIT);
        } else if (type == FileType4.NF4BLK || type == FileType4.NF4CHR) {
            devData = new Specdata4();
            devData.xdrDecode(xdr);
        } else if (type < FileType4.NF4REG || type > FileType4.NF4NAMEDATTR) {
            throw new XdrBounds.BadXdrLengthException(type, FileType4.NF4NAMEDATTR);
        }
        name = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
        attrs = new Fattr4();
        attrs.xdrDecode(xdr);
    }
}
