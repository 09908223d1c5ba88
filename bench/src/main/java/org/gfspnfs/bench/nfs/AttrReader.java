package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.XdrBounds;

/**
 * Client-side decoding of the fattr4 values the load generator asks for (RFC 8881 section 5: values follow the
 * bitmap in attribute-number order). Decoding every returned value is deliberate: a reply whose attributes do not
 * parse, or parse with bytes left over, fails the run instead of being counted.
 */
final class AttrReader {
    /** What the READDIR workload asks per entry: what "ls -l" needs. */
    static final int[] LS_ATTRS = {Attr.TYPE, Attr.CHANGE, Attr.SIZE, Attr.FILEID, Attr.MODE, Attr.NUMLINKS,
        Attr.OWNER, Attr.OWNER_GROUP, Attr.SPACE_USED, Attr.TIME_ACCESS, Attr.TIME_METADATA, Attr.TIME_MODIFY};

    private AttrReader() {
    }

    /** The decoded values by attribute number: Long for numbers and times (seconds), String, int[] for lists. */
    static Map<Integer, Object> decode(Fattr4 fattr) throws IOException {
        Map<Integer, Object> values = new HashMap<>();
        BitSet bits = Bitmaps.toBitSet(fattr.attrmask);
        try (Xdr xdr = new Xdr(fattr.attrVals)) {
            xdr.beginDecoding();
            for (int a = bits.nextSetBit(0); a >= 0; a = bits.nextSetBit(a + 1)) {
                values.put(a, value(xdr, a));
            }
            if (xdr.hasMoreData()) {
                throw new IOException("fattr4 has bytes left after attribute " + bits.length() + ": " + bits);
            }
            xdr.endDecoding();
        }
        return values;
    }

    private static Object value(Xdr xdr, int attr) throws IOException {
        switch (attr) {
            case Attr.TYPE, Attr.MODE, Attr.NUMLINKS, Attr.LAYOUT_BLKSIZE:
                return (long) xdr.xdrDecodeInt() & 0xffffffffL;
            case Attr.CHANGE, Attr.SIZE, Attr.FILEID, Attr.MAXREAD, Attr.MAXWRITE, Attr.SPACE_USED:
                return xdr.xdrDecodeLong();
            case Attr.FSID:
                return new long[] {xdr.xdrDecodeLong(), xdr.xdrDecodeLong()};
            case Attr.OWNER, Attr.OWNER_GROUP:
                return XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
            case Attr.TIME_ACCESS, Attr.TIME_METADATA, Attr.TIME_MODIFY:
                long seconds = xdr.xdrDecodeLong();
                int nanos = xdr.xdrDecodeInt();
                if (nanos < 0 || nanos >= 1_000_000_000) {
                    throw new IOException("nfstime4 nseconds out of range: " + nanos);
                }
                return seconds;
            case Attr.FS_LAYOUT_TYPES:
                int n = XdrBounds.count(xdr, 16);
                int[] types = new int[n];
                for (int i = 0; i < n; i++) {
                    types[i] = xdr.xdrDecodeInt();
                }
                return types;
            default:
                throw new IOException("attribute " + attr + " returned but not asked for");
        }
    }
}
