package org.gfspnfs.nfs41.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlabPoolTest {
    private final SlabPool pool = new SlabPool(1024, 8192, 2, 3);

    @Test
    void theSlabReturnedLast_isTheNextHandedOut() {
        Slab a = pool.take(8000, true);
        Slab b = pool.take(8000, true);
        a.release();
        b.release();
        assertThat(pool.take(100, true)).isSameAs(b);
        assertThat(pool.take(100, true)).isSameAs(a);
        assertThat(pool.slabsMade()).isEqualTo(2);
    }

    @Test
    void slabsBeyondTheBound_areLeftToTheCollector_andTheKeptOnesServeTheNextRound() {
        List<Slab> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(pool.take(5000, false));
        }
        held.forEach(Slab::release);
        assertThat(pool.slabsFree()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(pool.take(5000, false).capacity()).isEqualTo(8192);
        }
        assertThat(pool.slabsMade()).as("the second round needed no new slab").isEqualTo(5);
    }

    @Test
    void aRequestAboveTheLargeSize_getsASlabOfItsOwnSize_notKept() {
        Slab big = pool.take(20_000, true);
        assertThat(big.capacity()).isEqualTo(20_000);
        big.release();
        assertThat(pool.slabsFree()).isZero();
        assertThat(pool.take(20_000, true)).isNotSameAs(big);
    }

    @Test
    void smallAndLargeSlabs_areKeptApart() {
        Slab small = pool.take(100, false);
        Slab large = pool.take(100, true);
        assertThat(small.capacity()).isEqualTo(1024);
        assertThat(large.capacity()).isEqualTo(8192);
        small.release();
        large.release();
        assertThat(pool.take(100, false)).isSameAs(small);
        assertThat(pool.take(100, true)).isSameAs(large);
    }
}
