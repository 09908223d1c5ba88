package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reported-written ledger merges and splits ranges exactly. */
class ByteRangesTest {
    @Test
    void adjacentAndOverlappingRanges_merge() {
        ByteRanges r = new ByteRanges();
        r.add(0, 10);
        r.add(20, 30);
        r.add(10, 20);
        r.add(25, 40);
        assertThat(r.within(0, 100)).containsExactly(new long[] {0, 40});
    }

    @Test
    void within_clipsToTheAskedRange() {
        ByteRanges r = new ByteRanges();
        r.add(0, 10);
        r.add(20, 30);
        assertThat(r.within(5, 25)).containsExactly(new long[] {5, 10}, new long[] {20, 25});
        assertThat(r.within(10, 20)).isEmpty();
    }

    @Test
    void remove_splitsARange() {
        ByteRanges r = new ByteRanges();
        r.add(0, 100);
        r.remove(40, 60);
        assertThat(r.within(0, 100)).containsExactly(new long[] {0, 40}, new long[] {60, 100});
        r.remove(0, 100);
        assertThat(r.isEmpty()).isTrue();
    }
}
