package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.ClientId4;

/**
 * DESTROY_CLIENTID (RFC 8881 section 18.50): ends a client that has no sessions left, releasing its state
 * (CLIENTID_BUSY while sessions remain).
 */
final class DestroyClientIdOp implements Operation<ClientId4> {
    @Override
    public XdrAble execute(CompoundContext ctx, ClientId4 args) throws NfsException {
        ctx.services().clients().destroy(args.value);
        return null;
    }
}
