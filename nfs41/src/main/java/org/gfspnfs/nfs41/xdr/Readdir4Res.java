package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READDIR4resok (RFC 8881 section 18.23): cookie verifier, the entries (an XDR optional-data list) and eof. */
public class Readdir4Res implements XdrAble, SizedXdr {
    /** Most entries a client will decode from one reply. */
    public static final int MAX_ENTRIES = 1 << 16;

    public byte[] cookieVerf;
    public List<Entry4> entries = new ArrayList<>();
    public boolean eof;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(cookieVerf, 8);
        for (Entry4 e : entries) {
            xdr.xdrEncodeBoolean(true);
            xdr.xdrEncodeLong(e.cookie);
            xdr.xdrEncodeDynamicOpaque(e.name);
            e.attrs.xdrEncode(xdr);
        }
        xdr.xdrEncodeBoolean(false);
        xdr.xdrEncodeBoolean(eof);
    }

    @Override
    public int encodedSize() {
        int n = 8 + 4 + 4;   // verifier, the list's end marker, eof
        for (Entry4 e : entries) {
            n += 4 + 8 + 4 + pad(e.name.length) + 4 + 4 * e.attrs.attrmask.length + 4 + pad(e.attrs.attrVals.length);
        }
        return n;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        cookieVerf = XdrBounds.fixed(xdr, 8);
        entries = new ArrayList<>();
        while (XdrBounds.bool(xdr)) {
            if (entries.size() >= MAX_ENTRIES) {
                throw new XdrBounds.BadXdrLengthException(entries.size(), MAX_ENTRIES);
            }
            Entry4 e = new Entry4();
            e.cookie = xdr.xdrDecodeLong();
            e.name = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
            e.attrs = new Fattr4();
            e.attrs.xdrDecode(xdr);
            entries.add(e);
        }
        eof = XdrBounds.bool(xdr);
    }
}
