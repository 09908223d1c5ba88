package org.gfspnfs.bench.nfs;

import java.io.IOException;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.XdrBounds;

/**
 * One directory entry's fattr4, decoded into numbers in place: the READDIR workload decodes every value of
 * thousands of entries a second, as a kernel client fills its inode attributes, and a map of boxed values per
 * entry made the generator itself the slower half of each READDIR round trip. Reused from entry to entry.
 * Strict like {@link AttrReader}: a value that does not parse, an attribute not asked for, or bytes left over fail.
 */
final class EntryAttrs {
    private static final int MAX_ATTR = 95;
    private final long[] values = new long[MAX_ATTR + 1];
    private final long[] present = new long[2];
    private byte[] vals;
    private int at;

    /** Replaces what was decoded before with the values of {@code fattr}. */
    void decode(Fattr4 fattr) throws IOException {
        present[0] = 0;
        present[1] = 0;
        vals = fattr.attrVals;
        at = 0;
        int[] mask = fattr.attrmask;
        for (int w = 0; w < mask.length; w++) {
            for (int bits = mask[w]; bits != 0; bits &= bits - 1) {
                int attr = 32 * w + Integer.numberOfTrailingZeros(bits);
                if (attr > MAX_ATTR) {
                    throw new IOException("attribute " + attr + " returned but not asked for");
                }
                values[attr] = value(attr);
                present[attr >>> 6] |= 1L << attr;
            }
        }
        if (at != vals.length) {
            throw new IOException("fattr4 has " + (vals.length - at) + " bytes left after its last attribute");
        }
    }

    boolean has(int attr) {
        return attr <= MAX_ATTR && (present[attr >>> 6] & (1L << attr)) != 0;
    }

    /** The value of a numeric attribute (times: seconds); 0 if it was not returned. */
    long get(int attr) {
        return has(attr) ? values[attr] : 0;
    }

    private long value(int attr) throws IOException {
        switch (attr) {
            case Attr.TYPE, Attr.MODE, Attr.NUMLINKS:
                return int32() & 0xffffffffL;
            case Attr.CHANGE, Attr.SIZE, Attr.FILEID, Attr.SPACE_USED:
                return int64();
            case Attr.OWNER, Attr.OWNER_GROUP:
                return opaque(XdrBounds.OPAQUE_LIMIT);
            case Attr.TIME_ACCESS, Attr.TIME_METADATA, Attr.TIME_MODIFY:
                long seconds = int64();
                int nanos = int32();
                if (nanos < 0 || nanos >= 1_000_000_000) {
                    throw new IOException("nfstime4 nseconds out of range: " + nanos);
                }
                return seconds;
            default:
                throw new IOException("attribute " + attr + " returned but not asked for");
        }
    }

    private int int32() throws IOException {
        need(4);
        int v = (vals[at] & 0xff) << 24 | (vals[at + 1] & 0xff) << 16 | (vals[at + 2] & 0xff) << 8
                | vals[at + 3] & 0xff;
        at += 4;
        return v;
    }

    private long int64() throws IOException {
        return (long) int32() << 32 | int32() & 0xffffffffL;
    }

    /** Skips a variable-length opaque (an owner string); its length is the value. */
    private long opaque(int limit) throws IOException {
        int len = int32();
        if (len < 0 || len > limit) {
            throw new IOException("opaque of " + len + " bytes (at most " + limit + ")");
        }
        need((len + 3) & ~3);
        at += (len + 3) & ~3;
        return len;
    }

    private void need(int n) throws IOException {
        if (vals.length - at < n) {
            throw new IOException("fattr4 ends " + (at + n - vals.length) + " bytes early");
        }
    }
}
