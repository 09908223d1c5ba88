package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.AdminRevokedException;
import org.gfspnfs.nfs41.status.BadStateidException;
import org.gfspnfs.nfs41.status.OldStateidException;
import org.gfspnfs.nfs41.status.RecallConflictException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.junit.jupiter.api.Test;

/** Layout stateids and their seqids as RFC 8881 section 12.5.3 has them, in the table the provider shares. */
class LayoutStateTableTest {
    private static final Inode FILE = new Inode(100, 1);
    private static final Inode OTHER = new Inode(200, 1);
    private static final List<LayoutRange> WHOLE = List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1));

    private final LayoutStateTable table = new LayoutStateTable();

    @Test
    void firstGrant_hasSeqidOne_laterGrantsAdvanceIt_sameOther() {
        StateId first = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        StateId second = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        assertThat(first.seqid()).isEqualTo(1);
        assertThat(second.seqid()).isEqualTo(2);
        assertThat(second.other()).isEqualTo(first.other());
        assertThat(LayoutStateTable.isLayoutStateid(first)).isTrue();
        assertThat(table.grant(7, 2, FILE, new byte[] {1}, WHOLE).other()).as("another client")
                .isNotEqualTo(first.other());
    }

    @Test
    void olderSeqid_isOldStateid_futureSeqid_isBadStateid_zeroMeansCurrent() throws Exception {
        StateId first = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        StateId second = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        assertThatThrownBy(() -> table.returnRange(1, FILE, first, LayoutIoMode.ANY, 0, -1))
                .isInstanceOf(OldStateidException.class);
        assertThatThrownBy(() -> table.checkCommit(1, FILE, second.withSeqid(3)))
                .isInstanceOf(BadStateidException.class);
        assertThat(table.checkCommit(1, FILE, second.withSeqid(0)).stateid()).isEqualTo(second);
    }

    @Test
    void layoutCommit_withTheSeqidARecallMovedPast_isAccepted_likeLinuxNfsd() throws Exception {
        StateId granted = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        table.beginRecall(1, FILE);

        // The client committed writes it made under the layout before the recall reached it.
        assertThat(table.checkCommit(1, FILE, granted).inode()).isEqualTo(FILE);
        assertThatThrownBy(() -> table.checkCommit(1, FILE, granted.withSeqid(granted.seqid() + 5)))
                .isInstanceOf(BadStateidException.class);
    }

    @Test
    void stateid_isBoundToItsClientAndFile() {
        StateId sid = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        assertThatThrownBy(() -> table.checkCommit(2, FILE, sid)).isInstanceOf(BadStateidException.class);
        assertThatThrownBy(() -> table.checkCommit(1, OTHER, sid)).isInstanceOf(BadStateidException.class);
    }

    @Test
    void partialReturn_keepsTheRest_advancingTheSeqid_fullReturnFreesTheState() throws Exception {
        StateId sid = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        StateId left = table.returnRange(1, FILE, sid, LayoutIoMode.ANY, 0, 4096).orElseThrow();
        assertThat(left.seqid()).isEqualTo(2);
        assertThat(table.holding(1, FILE).orElseThrow().ranges())
                .containsExactly(new LayoutRange(LayoutIoMode.READ_WRITE, 4096, -1));
        assertThat(table.returnRange(1, FILE, left, LayoutIoMode.ANY, 0, -1)).isEmpty();
        assertThat(table.holding(1, FILE)).isEmpty();
        assertThatThrownBy(() -> table.checkCommit(1, FILE, left)).isInstanceOf(BadStateidException.class);
    }

    @Test
    void recall_advancesSeqid_blocksLayoutGet_untilReturned() throws Exception {
        StateId sid = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        StateId recalled = table.beginRecall(1, FILE).orElseThrow().stateid();
        assertThat(recalled.seqid()).isEqualTo(sid.seqid() + 1);
        assertThatThrownBy(() -> table.checkGet(1, FILE, recalled)).isInstanceOf(RecallConflictException.class);
        table.returnRange(1, FILE, recalled, LayoutIoMode.ANY, 0, -1);
        table.checkGet(1, FILE, new StateId(7, 5, 1));
        assertThat(table.holding(1, FILE)).isEmpty();
    }

    @Test
    void revoked_isAdminRevoked_untilANewGrantReplacesIt() throws Exception {
        StateId sid = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        assertThat(table.revoke(1, FILE)).isTrue();
        assertThat(table.holding(1, FILE).orElseThrow().state()).isEqualTo(LayoutState.REVOKED);
        assertThatThrownBy(() -> table.checkCommit(1, FILE, sid)).isInstanceOf(AdminRevokedException.class);
        StateId fresh = table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        assertThat(fresh.other()).isNotEqualTo(sid.other());
        assertThat(fresh.seqid()).isEqualTo(1);
    }

    @Test
    void clientGone_forgetsAllItsLayouts() {
        table.grant(7, 1, FILE, new byte[] {1}, WHOLE);
        table.grant(7, 1, OTHER, new byte[] {2}, WHOLE);
        table.grant(7, 2, FILE, new byte[] {1}, WHOLE);
        table.forgetClient(1);
        assertThat(table.all()).extracting(LayoutStateTable.Holding::clientId).containsExactly(2L);
    }
}
