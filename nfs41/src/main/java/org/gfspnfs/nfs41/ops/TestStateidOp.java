package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.TestStateid4Args;
import org.gfspnfs.nfs41.xdr.TestStateid4Res;

/** TEST_STATEID (RFC 8881 section 18.48): the status each stateid would get, without using any of them. */
final class TestStateidOp implements Operation<TestStateid4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, TestStateid4Args args) throws NfsException {
        long client = ctx.client().id();
        int[] statuses = new int[args.stateids.size()];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = ctx.services().states().testStatus(client, Stateids.of(args.stateids.get(i)));
        }
        return new TestStateid4Res(statuses);
    }
}
