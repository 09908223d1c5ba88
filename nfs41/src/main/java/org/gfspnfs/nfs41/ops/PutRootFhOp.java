package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** PUTROOTFH (RFC 8881 section 18.21): the root of the served filesystem, in the export (or pseudo area) that contains it. */
final class PutRootFhOp implements Operation<XdrVoid> {
    @Override
    public XdrAble execute(CompoundContext ctx, XdrVoid args) throws NfsException {
        ctx.setCurrentFh(ctx.handle(ctx.services().exportAccess().rootExportId(), ctx.services().vfs().root()));
        return null;
    }
}
