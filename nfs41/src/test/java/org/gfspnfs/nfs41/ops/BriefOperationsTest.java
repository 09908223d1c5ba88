package org.gfspnfs.nfs41.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gfspnfs.nfs41.compound.OperationTable;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.xdr.Op;
import org.junit.jupiter.api.Test;

/**
 * Which operations of an MDS are brief, that is, may run on the thread that read them: never one that can send a
 * callback (a delegation or layout recall) or wait for another client's call, since the answer it would wait for
 * may have to be read by that very thread.
 */
class BriefOperationsTest {
    private final OperationTable mds = PnfsOperations.register(StandardOperations.core(), new LayoutStateTable())
            .build();

    @Test
    void theCallsOfALookupOrACreateOrAStat_areBrief() {
        for (int op : List.of(Op.SEQUENCE, Op.PUTFH, Op.PUTROOTFH, Op.LOOKUP, Op.GETFH, Op.GETATTR, Op.ACCESS,
                Op.CLOSE, Op.SAVEFH, Op.RESTOREFH, Op.TEST_STATEID)) {
            assertThat(mds.brief(op)).as("op %d", op).isTrue();
        }
    }

    @Test
    void operationsThatMayRecallOrWaitOrMoveData_areNot() {
        for (int op : List.of(Op.OPEN, Op.REMOVE, Op.RENAME, Op.SETATTR, Op.LINK, Op.CREATE, Op.READ, Op.WRITE,
                Op.COMMIT, Op.LOCK, Op.LOCKT, Op.DELEGRETURN, Op.READDIR, Op.LAYOUTGET, Op.LAYOUTRETURN,
                Op.LAYOUTCOMMIT, Op.EXCHANGE_ID, Op.CREATE_SESSION, Op.DESTROY_SESSION, Op.DESTROY_CLIENTID)) {
            assertThat(mds.brief(op)).as("op %d", op).isFalse();
        }
        assertThat(mds.brief(Op.ILLEGAL)).as("an operation the table does not hold").isFalse();
    }
}
