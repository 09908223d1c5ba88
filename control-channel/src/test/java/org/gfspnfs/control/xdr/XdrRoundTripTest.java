package org.gfspnfs.control.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ExtentKind;
import org.gfspnfs.control.api.FenceEvent;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.FenceOutcome;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LockEntry;
import org.gfspnfs.control.api.LockMode;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.MemberInfo;
import org.gfspnfs.control.api.MemberState;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.QuorumInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.RecoveryPhase;
import org.gfspnfs.control.api.RecoveryStep;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StepState;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.junit.jupiter.api.Test;

/** What one side encodes the other decodes to the same value; hostile lengths are refused before allocation. */
class XdrRoundTripTest {
    private static final Instant T = Instant.parse("2026-11-21T18:00:00.123Z");

    @Test
    void nodeStatus_withUnfinishedRecoveryStep_roundTrips() throws IOException {
        NodeStatus status = new NodeStatus("node1", 1, T, List.of("mds", "ds"),
                List.of(new MemberInfo(3, "node3", MemberState.FENCING, 1, T)),
                new QuorumInfo(true, 3, 2, 2, false, true),
                List.of(new FenceEvent("node3", "disk", FenceOutcome.FAILED, T, "timeout")),
                List.of(new RecoveryStep("node3", RecoveryPhase.FENCING, StepState.RUNNING, T, null, "")));

        assertThat(roundTrip(MembershipXdr.NODE_STATUS, status)).isEqualTo(status);
    }

    @Test
    void resourceWithQueuesAndLvb_roundTrips() throws IOException {
        ResourceInfo r = new ResourceInfo("inode/1001", 2,
                List.of(new LockEntry(0x101, 2, LockMode.EX, LockMode.IV, Duration.ofMillis(4200))),
                List.of(new LockEntry(0x102, 1, LockMode.PR, LockMode.EX, Duration.ofMillis(10))),
                List.of(new LockEntry(0x103, 3, LockMode.IV, LockMode.CR, Duration.ZERO)),
                new byte[] {1, 2, 3, 4, 5}, false);

        assertThat(roundTrip(DlmXdr.RESOURCE, r)).usingRecursiveComparison().isEqualTo(r);
    }

    @Test
    void commandAndPeerArguments_roundTrip() throws IOException {
        Revocation rev = Revocation.stateids(List.of(new byte[16], filled(16, 7)));

        assertThat(roundTrip(NfsXdr.RECALL_TARGET, RecallTarget.client(-5L))).isEqualTo(RecallTarget.client(-5L));
        assertThat(roundTrip(NfsXdr.LAYOUT_FILTER, LayoutFilter.dataServer("node2")))
                .isEqualTo(LayoutFilter.dataServer("node2"));
        assertThat(roundTrip(PeerXdr.REVOCATION, rev).stateids()).usingRecursiveComparison()
                .isEqualTo(rev.stateids());
    }

    @Test
    void writePathArgumentsAndResults_roundTrip() throws IOException {
        FileRef file = new FileRef(0x1234_5678_9aL, 42);
        List<WrittenReport> reports = List.of(new WrittenReport(file, List.of(new FileRange(0, 4096),
                new FileRange(1L << 40, (1L << 40) + 8192))), new WrittenReport(new FileRef(7, 1), List.of()));
        List<MappedExtent> extents = List.of(new MappedExtent(0, 1 << 20, 1L << 33, ExtentKind.UNWRITTEN),
                new MappedExtent(1 << 20, 4096, -1, ExtentKind.HOLE));

        assertThat(roundTrip(WritePathXdr.ALLOCATION, new AllocationRequest(file, 4096, 65536)))
                .isEqualTo(new AllocationRequest(file, 4096, 65536));
        assertThat(roundTrip(WritePathXdr.REPORTS, reports)).isEqualTo(reports);
        assertThat(roundTrip(WritePathXdr.EXTENTS, extents)).isEqualTo(extents);
        assertThat(roundTrip(WritePathXdr.QUERY, new WrittenQuery(file, 0, Long.MAX_VALUE)))
                .isEqualTo(new WrittenQuery(file, 0, Long.MAX_VALUE));
    }

    @Test
    void writtenReportWithMoreRangesThanItsLimit_orAnEmptyRange_isBadXdr() {
        Xdr tooMany = new Xdr(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0x20, 1});
        tooMany.beginDecoding();
        Xdr empty = new Xdr(new byte[] {0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x10, 0});
        empty.beginDecoding();

        assertThatThrownBy(() -> WritePathXdr.REPORTS.decode(new XdrReader(tooMany)))
                .isInstanceOf(XdrFormatException.class).hasMessageContaining("exceeds 8192");
        assertThatThrownBy(() -> WritePathXdr.RANGE.decode(new XdrReader(empty)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void listClaimingMillionsOfElements_withoutTheBytes_isBadXdrNotAnAllocation() {
        Xdr xdr = new Xdr(new byte[] {0x00, 0x0f, 0x00, 0x00});
        xdr.beginDecoding();

        assertThatThrownBy(() -> ProcedureSpec.listOf(DlmXdr.LOCKSPACE).decode(new XdrReader(xdr)))
                .isInstanceOf(XdrFormatException.class);
    }

    @Test
    void stringLongerThanItsLimit_orNotUtf8_isBadXdr() {
        Xdr tooLong = new Xdr(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        tooLong.beginDecoding();
        Xdr notUtf8 = new Xdr(new byte[] {0, 0, 0, 2, (byte) 0xc3, 0x28, 0, 0});
        notUtf8.beginDecoding();

        assertThatThrownBy(() -> BasicXdr.NAME.decode(new XdrReader(tooLong))).isInstanceOf(XdrFormatException.class)
                .hasMessageContaining("exceeds 256");
        assertThatThrownBy(() -> BasicXdr.NAME.decode(new XdrReader(notUtf8))).isInstanceOf(XdrFormatException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void enumOutOfRange_isBadXdr() {
        Xdr xdr = new Xdr(new byte[] {0, 0, 0, 9, 0, 0, 0, 0});
        xdr.beginDecoding();

        assertThatThrownBy(() -> NfsXdr.LAYOUT_FILTER.decode(new XdrReader(xdr)))
                .isInstanceOf(XdrFormatException.class).hasMessageContaining("Kind out of range: 9");
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static <T> T roundTrip(XdrCodec<T> codec, T value) throws IOException {
        byte[] bytes;
        try (Xdr out = new Xdr(64)) {
            out.beginEncoding();
            codec.encode(out, value);
            out.endEncoding();
            bytes = out.getBytes();
        }
        Xdr in = new Xdr(bytes);
        in.beginDecoding();
        XdrReader reader = new XdrReader(in);
        T decoded = codec.decode(reader);
        assertThat(reader.hasMore()).as("trailing bytes").isFalse();
        return decoded;
    }
}
