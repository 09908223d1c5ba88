package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.xdr.SecinfoNoName4Args;
import org.gfspnfs.nfs41.xdr.Secinfo4Res;

/**
 * SECINFO_NO_NAME (RFC 8881 section 18.45): flavors for the current object (style 0) or its parent (style 1);
 * the Linux client sends it right after PUTROOTFH while mounting. Consumes the current file handle.
 */
final class SecinfoNoNameOp implements Operation<SecinfoNoName4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, SecinfoNoName4Args args) throws NfsException {
        if (args.style != 0 && args.style != 1) {
            throw new InvalException("secinfo style " + args.style);
        }
        FileHandle fh = ctx.currentFh();
        int export = fh.exportId();
        if (args.style == 1) {
            if (fh.inode().equals(ctx.services().vfs().root())) {
                throw new NoEntException("the root has no parent");
            }
            export = ctx.services().exportAccess().exportOfParent(export, fh.inode());
        }
        ctx.clearCurrentFh();
        return new Secinfo4Res(SecinfoOp.flavors(ctx, export));
    }
}
