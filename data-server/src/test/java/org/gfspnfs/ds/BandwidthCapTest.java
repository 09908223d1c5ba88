package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The simulated NIC's arithmetic, on a manual nanosecond clock (nothing here waits). */
class BandwidthCapTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MS);

    @Test
    void backToBackRequests_queueBehindEachOther_atTheConfiguredRate() {
        BandwidthCap cap = new BandwidthCap(10_000_000, 0, now::get);   // 10 MB/s, no burst

        assertThat(cap.reserve(1_000_000)).isEqualTo(100 * MS);
        assertThat(cap.reserve(1_000_000)).as("behind the first").isEqualTo(200 * MS);
        now.addAndGet(150 * MS);
        assertThat(cap.reserve(500_000)).isEqualTo(100 * MS);
    }

    @Test
    void anIdleLink_banksAtMostTheBurst() {
        BandwidthCap cap = new BandwidthCap(10_000_000, 1_000_000, now::get);   // 1 MB of burst = 100 ms
        cap.reserve(1);
        now.addAndGet(10_000 * MS);

        assertThat(cap.reserve(1_000_000)).as("the burst covers it").isZero();
        assertThat(cap.reserve(1_000_000)).as("the burst is spent").isEqualTo(100 * MS);
    }

    @Test
    void off_neverWaits() {
        assertThat(BandwidthCap.OFF.reserve(Long.MAX_VALUE / 2)).isZero();
        assertThat(BandwidthCap.OFF.isOff()).isTrue();
    }
}
