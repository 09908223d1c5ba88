package org.gfspnfs.nfs41.ops;

import java.util.Arrays;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.AttrNotSuppException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NotSameException;
import org.gfspnfs.nfs41.status.SameException;
import org.gfspnfs.nfs41.xdr.Fattr4;

/**
 * VERIFY and NVERIFY (RFC 8881 sections 18.31 and 18.15): compare the client's attribute values with the
 * object's, byte for byte in XDR form. VERIFY fails with NOT_SAME on a difference, NVERIFY with SAME on equality.
 */
final class VerifyOp implements Operation<Fattr4> {
    private final boolean negate;

    VerifyOp(boolean negate) {
        this.negate = negate;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, Fattr4 args) throws NfsException {
        if (Bitmaps.isSet(args.attrmask, Attr.RDATTR_ERROR)) {
            throw new InvalException("rdattr_error cannot be verified");
        }
        java.util.BitSet asked = Bitmaps.toBitSet(args.attrmask);
        for (int a = asked.nextSetBit(0); a >= 0; a = asked.nextSetBit(a + 1)) {
            if (!ctx.services().attrEncoder().isSupported(a)) {
                throw new AttrNotSuppException("attribute " + a);
            }
        }
        FileHandle fh = ctx.currentFh();
        Fattr4 mine = ctx.services().attrEncoder().encode(args.attrmask,
                Files.source(ctx, fh, ctx.services().vfs().getattr(fh.inode())));
        boolean same = Arrays.equals(mine.attrVals, args.attrVals);
        if (negate && same) {
            throw new SameException();
        }
        if (!negate && !same) {
            throw new NotSameException();
        }
        return null;
    }
}
