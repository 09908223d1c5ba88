package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.xdr.Bitmap4;

/** GETATTR (RFC 8881 section 18.7): the requested attributes this server supports. */
final class GetAttrOp implements Operation<Bitmap4> {
    @Override
    public XdrAble execute(CompoundContext ctx, Bitmap4 args) throws NfsException {
        FileHandle fh = ctx.currentFh();
        ctx.exportOptions();
        Stat st = ctx.services().vfs().getattr(fh.inode());
        return ctx.services().attrEncoder().encode(args.value, Files.source(ctx, fh, st));
    }
}
