package org.gfspnfs.nfs41.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeLocksTest {
    private final OwnerKey a = new OwnerKey(1, "aa");
    private final OwnerKey b = new OwnerKey(2, "bb");
    private final ByteRangeLocks locks = new ByteRangeLocks();

    @Test
    void unlockingTheMiddle_splitsTheLock() {
        locks.lock(a, true, 0, 100);
        locks.unlock(a, 40, 60);
        assertThat(locks.conflict(b, false, 45, 50)).isNull();
        assertThat(locks.conflict(b, false, 30, 41)).isNotNull();
        assertThat(locks.conflict(b, false, 59, 61)).isNotNull();
    }

    @Test
    void relockingWithReadType_downgradesOnlyThatRange() {
        locks.lock(a, true, 0, 100);
        locks.lock(a, false, 0, 50);
        assertThat(locks.conflict(b, false, 10, 20)).isNull();
        assertThat(locks.conflict(b, true, 10, 20)).isNotNull();
        assertThat(locks.conflict(b, false, 60, 70)).isNotNull();
    }

    @Test
    void toEofLock_coversEverythingAfter() {
        locks.lock(a, true, 1000, LockRange.TO_EOF);
        assertThat(locks.conflict(b, false, Long.MAX_VALUE - 10, Long.MAX_VALUE)).isNotNull();
        assertThat(locks.conflict(b, false, 0, 1000)).isNull();
        assertThat(locks.conflict(b, false, 0, 1000)).isNull();
    }

    @Test
    void adjacentLocksOfOneOwner_merge_andOwnLocksNeverConflict() {
        locks.lock(a, true, 0, 10);
        locks.lock(a, true, 10, 20);
        assertThat(locks.conflict(a, true, 0, 20)).isNull();
        locks.unlock(a, 0, 20);
        assertThat(locks.isEmpty()).isTrue();
    }
}
