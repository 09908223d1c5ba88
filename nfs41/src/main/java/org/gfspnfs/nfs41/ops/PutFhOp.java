package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.ExportAccess;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.status.StaleException;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** PUTFH (RFC 8881 section 18.19): a handle we did not issue is BADHANDLE; one of an export that is gone is STALE. */
final class PutFhOp implements Operation<NfsFh4> {
    @Override
    public XdrAble execute(CompoundContext ctx, NfsFh4 args) throws NfsException {
        FileHandle fh = FileHandle.fromBytes(args.value);
        if (fh.fsTag() != FileHandle.tagOf(ctx.services().vfs().info())) {
            throw new StaleException("handle of another filesystem");
        }
        if (fh.exportId() != ExportAccess.PSEUDO && ctx.services().exports().byId(fh.exportId()).isEmpty()) {
            throw new StaleException("export " + fh.exportId() + " no longer exists");
        }
        ctx.setCurrentFh(fh);
        return null;
    }
}
