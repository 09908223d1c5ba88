package org.gfspnfs.ds;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Verifier4;

/**
 * COMMIT on a data server (RFC 8881 sections 13.7, 18.3): flushes the shared device and returns this server's
 * write verifier, which changes on restart so the client resends what it wrote since its last COMMIT.
 */
final class DsCommitOp implements Operation<Commit4Args> {
    private final DsBlockStore store;

    DsCommitOp(DsBlockStore store) {
        this.store = store;
    }

    @Override
    public XdrAble execute(CompoundContext ctx, Commit4Args args) throws NfsException {
        ctx.currentFh();
        ctx.exportOptions();
        store.commit();
        return new Verifier4(ctx.services().writeVerifier());
    }
}
