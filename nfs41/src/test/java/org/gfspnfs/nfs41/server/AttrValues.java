package org.gfspnfs.nfs41.server;

import java.io.IOException;
import java.time.Instant;
import java.util.BitSet;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.XdrBounds;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/** Client-side decoding of the fattr4 values tests look at, and encoding of the settable ones. */
record AttrValues(int type, long change, long size, long fileId, int mode, String owner, Instant mtime,
                  BitSet present) {

    static Fattr4 mode(int mode) {
        return new Fattr4(Bitmaps.of(Attr.MODE), XdrBytes.encode(x -> x.xdrEncodeInt(mode)));
    }

    static Fattr4 size(long size) {
        return new Fattr4(Bitmaps.of(Attr.SIZE), XdrBytes.encode(x -> x.xdrEncodeLong(size)));
    }

    static AttrValues decode(Fattr4 f) throws IOException {
        BitSet bits = Bitmaps.toBitSet(f.attrmask);
        int type = 0;
        long change = -1;
        long size = -1;
        long fileId = -1;
        int mode = -1;
        String owner = null;
        Instant mtime = null;
        try (Xdr x = new Xdr(f.attrVals)) {
            x.beginDecoding();
            for (int a = bits.nextSetBit(0); a >= 0; a = bits.nextSetBit(a + 1)) {
                switch (a) {
                    case Attr.TYPE -> type = x.xdrDecodeInt();
                    case Attr.CHANGE -> change = x.xdrDecodeLong();
                    case Attr.SIZE -> size = x.xdrDecodeLong();
                    case Attr.FILEID -> fileId = x.xdrDecodeLong();
                    case Attr.MODE -> mode = x.xdrDecodeInt();
                    case Attr.OWNER -> owner = XdrBounds.utf8(x, 1024);
                    case Attr.TIME_MODIFY -> mtime = Instant.ofEpochSecond(x.xdrDecodeLong(), x.xdrDecodeInt());
                    default -> throw new IllegalArgumentException("test decoder does not know attribute " + a);
                }
            }
        }
        return new AttrValues(type, change, size, fileId, mode, owner, mtime, bits);
    }
}
