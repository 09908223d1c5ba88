package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;

/** GETFH (RFC 8881 section 18.8). */
final class GetFhOp implements Operation<XdrVoid> {
    @Override
    public XdrAble execute(CompoundContext ctx, XdrVoid args) throws NfsException {
        return new NfsFh4(ctx.currentFh().toBytes());
    }
}
