package org.gfspnfs.bench.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.MultipathList4;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.Test;

/** The files-layout stripe math of RFC 8881 section 13.4, worked by hand. */
class StripeMathTest {
    private static final int MIB = 1 << 20;

    @Test
    void sparse_threeServers_roundRobinPerStripeUnit_offsetsUnchanged() {
        StripeMath m = StripeMath.of(MIB, 0, 0, new int[] {0, 1, 2}, 1);
        assertThat(m.stripeUnit()).isEqualTo(MIB);
        assertThat(m.dense()).isFalse();
        assertThat(m.dataServer(0)).isEqualTo(0);
        assertThat(m.dataServer(MIB - 1)).isEqualTo(0);
        assertThat(m.dataServer(MIB)).isEqualTo(1);
        assertThat(m.dataServer(2L * MIB + 5)).isEqualTo(2);
        assertThat(m.dataServer(3L * MIB)).isEqualTo(0);
        assertThat(m.dataServerOffset(7L * MIB + 123)).isEqualTo(7L * MIB + 123);
        assertThat(m.fileHandle(2L * MIB)).isZero();
    }

    @Test
    void dense_offsetIsPositionInsideTheServersShare() {
        // unit 64 KiB over 4 servers: file offset 5 * 64K + 10 is stripe unit 5, j = 1, and the server's second
        // unit (5 / 4 = 1), so it is addressed at 64K + 10
        int unit = 64 << 10;
        StripeMath m = StripeMath.of(unit | StripeMath.NFL4_UFLG_DENSE, 0, 0, new int[] {0, 1, 2, 3}, 4);
        assertThat(m.dense()).isTrue();
        assertThat(m.stripeUnit()).isEqualTo(unit);
        assertThat(m.stripeIndex(5L * unit + 10)).isEqualTo(1);
        assertThat(m.fileHandle(5L * unit + 10)).isEqualTo(1);
        assertThat(m.dataServerOffset(5L * unit + 10)).isEqualTo(unit + 10);
        assertThat(m.dataServerOffset(3L * unit)).isEqualTo(0);
        assertThat(m.dataServerOffset(4L * unit)).isEqualTo(unit);
    }

    @Test
    void firstStripeIndexAndPatternOffset_shiftTheRotation() {
        // stripe indices map j to servers 2, 0, 1; the pattern starts at 1 MiB with j = 2 for its first unit
        StripeMath m = StripeMath.of(MIB, 2, MIB, new int[] {2, 0, 1}, 3);
        assertThat(m.stripeIndex(MIB)).isEqualTo(2);
        assertThat(m.dataServer(MIB)).isEqualTo(1);
        assertThat(m.stripeIndex(2L * MIB)).isEqualTo(0);
        assertThat(m.dataServer(2L * MIB)).isEqualTo(2);
        assertThat(m.fileHandle(3L * MIB)).isEqualTo(1);
        assertThat(m.bytesToStripeEnd(MIB + 100)).isEqualTo(MIB - 100);
        assertThatThrownBy(() -> m.stripeIndex(MIB - 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagBits_areNotPartOfTheStripeUnit() {
        StripeMath m = StripeMath.of(MIB | StripeMath.NFL4_UFLG_COMMIT_THRU_MDS, 0, 0, new int[] {0}, 1);
        assertThat(m.stripeUnit()).isEqualTo(MIB);
        assertThat(m.dense()).isFalse();
    }

    @Test
    void fileHandleListOfWrongLength_isRefused() {
        assertThatThrownBy(() -> StripeMath.of(MIB, 0, 0, new int[] {0, 1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("13.3");
    }

    @Test
    void deviceAddress_decodesUniversalAddressesAndStripeIndices() throws Exception {
        byte[] body = XdrBytes.encode(new FileLayoutDsAddr4(new int[] {1, 0}, List.of(
                new MultipathList4(List.of(new NetAddr4("tcp", "127.0.0.1.78.33"))),
                new MultipathList4(List.of(new NetAddr4("rdma", "10.0.0.1.0.1"), new NetAddr4("tcp", "127.0.0.2.0.80"))))));
        FilesDevice d = FilesDevice.decode(body);
        assertThat(d.stripeIndices()).containsExactly(1, 0);
        assertThat(d.dataServers()).containsExactly(new InetSocketAddress("127.0.0.1", 78 * 256 + 33),
                new InetSocketAddress("127.0.0.2", 80));
    }
}
