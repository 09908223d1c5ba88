package org.gfspnfs.nfs41.attr;

import java.io.IOException;
import java.time.Instant;
import java.util.BitSet;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.nfs41.idmap.IdMapper;
import org.gfspnfs.nfs41.status.AttrNotSuppException;
import org.gfspnfs.nfs41.status.BadXdrException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.TimeSetting;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.XdrBounds;

/**
 * Decodes the writable attributes of a fattr4 (SETATTR, CREATE, OPEN) into {@link SetAttributes}: size, mode,
 * owner, owner_group, time_access_set, time_modify_set. A read-only attribute is NFS4ERR_INVAL, an unknown one
 * NFS4ERR_ATTRNOTSUPP (RFC 8881 section 18.30.3), a short or overlong value NFS4ERR_BADXDR.
 */
public final class AttributeDecoder {
    private static final BitSet WRITABLE = Bitmaps.toBitSet(Bitmaps.of(Attr.SIZE, Attr.MODE, Attr.OWNER,
            Attr.OWNER_GROUP, Attr.TIME_ACCESS_SET, Attr.TIME_MODIFY_SET));

    private final IdMapper idMapper;
    private final AttributeEncoder encoder;

    public AttributeDecoder(IdMapper idMapper, AttributeEncoder encoder) {
        this.idMapper = idMapper;
        this.encoder = encoder;
    }

    public SetAttributes decode(Fattr4 fattr) throws NfsException {
        BitSet bits = Bitmaps.toBitSet(fattr.attrmask);
        for (int a = bits.nextSetBit(0); a >= 0; a = bits.nextSetBit(a + 1)) {
            if (!WRITABLE.get(a)) {
                throw encoder.isSupported(a) ? new InvalException("attribute " + a + " is read-only")
                        : new AttrNotSuppException("attribute " + a);
            }
        }
        try (Xdr x = new Xdr(fattr.attrVals)) {
            x.beginDecoding();
            Long size = bits.get(Attr.SIZE) ? x.xdrDecodeLong() : null;
            Integer mode = bits.get(Attr.MODE) ? x.xdrDecodeInt() & 07777 : null;
            Integer uid = bits.get(Attr.OWNER) ? idMapper.ownerToUid(XdrBounds.utf8(x, XdrBounds.OPAQUE_LIMIT))
                    : null;
            Integer gid = bits.get(Attr.OWNER_GROUP)
                    ? idMapper.groupToGid(XdrBounds.utf8(x, XdrBounds.OPAQUE_LIMIT)) : null;
            TimeSetting atime = bits.get(Attr.TIME_ACCESS_SET) ? settime(x) : null;
            TimeSetting mtime = bits.get(Attr.TIME_MODIFY_SET) ? settime(x) : null;
            if (x.hasMoreData()) {
                throw new BadXdrException("trailing bytes in attr_vals");
            }
            return new SetAttributes(mode, uid, gid, size, atime, mtime);
        } catch (IOException | RuntimeException e) {
            throw new BadXdrException("attr_vals: " + e.getMessage(), e);
        }
    }

    private static TimeSetting settime(Xdr x) throws IOException {
        int how = x.xdrDecodeInt();
        if (how == 0) {
            return TimeSetting.SERVER_TIME;
        }
        if (how != 1) {
            throw new XdrBounds.BadXdrLengthException(how, 1);
        }
        long sec = x.xdrDecodeLong();
        int nsec = x.xdrDecodeInt();
        if (nsec < 0 || nsec >= 1_000_000_000) {
            throw new XdrBounds.BadXdrLengthException(nsec, 999_999_999);
        }
        return TimeSetting.of(Instant.ofEpochSecond(sec, nsec));
    }
}
