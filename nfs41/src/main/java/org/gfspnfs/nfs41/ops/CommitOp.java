package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Verifier4;

/** COMMIT (RFC 8881 section 18.3): makes unstable writes durable and returns the write verifier. */
final class CommitOp implements Operation<Commit4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, Commit4Args args) throws NfsException {
        Files.requireFile(ctx);
        ctx.exportOptions();
        ctx.services().vfs().commit(ctx.currentInode(), args.offset, Integer.toUnsignedLong(args.count));
        return new Verifier4(ctx.services().writeVerifier());
    }
}
