package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The striping math a client and the data servers must agree on (RFC 8881 section 13.4). */
class StripePatternTest {
    private final StripePattern p = new StripePattern(1 << 20, 3);

    @Test
    void offsets_goRoundRobinOverTheDataServers_oneStripeUnitEach() {
        assertThat(p.dataServerIndex(0)).isZero();
        assertThat(p.dataServerIndex((1 << 20) - 1)).isZero();
        assertThat(p.dataServerIndex(1 << 20)).isEqualTo(1);
        assertThat(p.dataServerIndex(2L << 20)).isEqualTo(2);
        assertThat(p.dataServerIndex(3L << 20)).as("wraps to the first").isZero();
        assertThat(p.dataServerIndex((7L << 20) + 5)).isEqualTo(1);
        assertThat(p.dataServerIndex(Long.MAX_VALUE)).isEqualTo((int) ((Long.MAX_VALUE >> 20) % 3));
    }

    @Test
    void sparsePacking_dataServerOffsetIsTheFileOffset() {
        assertThat(p.dataServerOffset(0)).isZero();
        assertThat(p.dataServerOffset((5L << 20) + 17)).isEqualTo((5L << 20) + 17);
    }

    @Test
    void stripeBoundaries() {
        assertThat(p.stripeStart((5L << 20) + 17)).isEqualTo(5L << 20);
        assertThat(p.bytesToStripeEnd((5L << 20) + 17)).isEqualTo((1 << 20) - 17);
        assertThat(p.bytesToStripeEnd(5L << 20)).isEqualTo(1 << 20);
    }

    @Test
    void singleDataServer_getsEverything() {
        StripePattern one = new StripePattern(64 << 10, 1);
        assertThat(one.dataServerIndex(123456789L)).isZero();
    }

    @Test
    void stripeUnit_mustFitNflUtil() {
        assertThatThrownBy(() -> new StripePattern(100, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StripePattern(1 << 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilesLayoutConfig.defaults().withStripeUnit(6000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FilesLayoutConfig.defaults().stripeUnit()).isEqualTo(1 << 20);
    }
}
