package org.gfspnfs.nfs41.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

class RecordAssemblyTest {
    private static final int LIMIT = 1 << 20;
    private final SlabPool pool = new SlabPool(64 << 10, LIMIT + 2 * RecordAssembly.MIN_READ, 16, 4);
    private final RecordAssembly assembly = new RecordAssembly(pool, LIMIT);

    @Test
    void recordsOfEverySize_arriveInRandomPieces_eachComesOutWhole_inOneContiguousView() throws Exception {
        Random rnd = new Random(42);
        List<byte[]> sent = bodies(rnd, 60, i -> switch (i % 4) {
            case 0 -> 8 + rnd.nextInt(300);
            case 1 -> 60_000 + rnd.nextInt(20_000);
            case 2 -> LIMIT - 4 - rnd.nextInt(5000);
            default -> 8 + rnd.nextInt(5000);
        });
        List<byte[]> got = new ArrayList<>();
        feed(wire(sent), rnd, 300_000, r -> {
            assertThat(r.fragments()).hasSize(1);
            assertThat(r.fragments().get(0).isDirect()).isTrue();
            got.add(r.copy());
            r.release();
        });
        assertSameRecords(got, sent);
    }

    @Test
    void manyRecordsHandedBack_reuseTheSameSlabs() throws Exception {
        Random rnd = new Random(7);
        byte[] one = record(LIMIT - 4, rnd);
        for (int round = 0; round < 50; round++) {
            feed(one, rnd, 200_000, ReceivedRecord::release);
        }
        assertThat(pool.slabsMade()).isLessThanOrEqualTo(3);
    }

    @Test
    void largeRecordsBackToBack_eachIsReadIntoASlabOfItsOwn_noneIsMoved() throws Exception {
        Random rnd = new Random(11);
        List<byte[]> sent = bodies(rnd, 12, i -> i % 4 == 3 ? 8 + rnd.nextInt(200) : LIMIT - 4 - rnd.nextInt(70_000));
        List<byte[]> got = new ArrayList<>();
        // A socket with everything already buffered fills each window it is given.
        feed(wire(sent), rnd, Integer.MAX_VALUE, r -> {
            got.add(r.copy());
            r.release();
        });
        assertSameRecords(got, sent);
        assertThat(assembly.bytesMoved()).as("only the first large record, begun in a small slab, is moved")
                .isLessThanOrEqualTo(64 << 10);
        assertThat(pool.slabsMade()).as("released records' slabs are read into again").isLessThanOrEqualTo(3);
    }

    @Test
    void aRecordAboveTheLargeSlabSize_butWithinTheLimit_arrivesWhole() throws Exception {
        SlabPool smallSlabs = new SlabPool(4096, 64 << 10, 4, 4);
        RecordAssembly a = new RecordAssembly(smallSlabs, LIMIT);
        Random rnd = new Random(13);
        byte[] wire = record(200_000, rnd);
        int at = 0;
        ReceivedRecord r = null;
        while (r == null) {
            ByteBuffer w = a.readWindow();
            int n = Math.min(w.remaining(), Math.min(wire.length - at, 1 + rnd.nextInt(50_000)));
            w.put(wire, at, n);
            a.received(n);
            at += n;
            r = a.next();
        }
        assertThat(r.fragments()).hasSize(1);
        assertThat(r.copy()).isEqualTo(Arrays.copyOfRange(wire, 4, wire.length));
        r.release();
        assertThat(smallSlabs.slabsFree()).as("the one-off slab of its size is not kept")
                .isLessThan((int) smallSlabs.slabsMade());
    }

    @Test
    void betweenRecords_theConnectionHoldsNoSlab() throws Exception {
        byte[] wire = record(100, new Random(1));
        ByteBuffer w = assembly.readWindow();
        w.put(wire);
        assembly.received(wire.length);
        ReceivedRecord r = assembly.next();
        assertThat(r).isNotNull();
        assertThat(pool.slabsFree()).isZero();
        r.release();
        assertThat(pool.slabsFree()).isEqualTo(1);
        r.release();
        assertThat(pool.slabsFree()).as("a second release changes nothing").isEqualTo(1);
    }

    @Test
    void aRecordInSeveralFragments_comesOutAsItsFragments_withoutTheMarks() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(mark(3, false));
        wire.writeBytes(new byte[] {1, 2, 3});
        wire.writeBytes(mark(2, true));
        wire.writeBytes(new byte[] {4, 5});
        List<ReceivedRecord> got = new ArrayList<>();
        feed(wire.toByteArray(), new Random(3), 2, got::add);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).fragments()).hasSize(2);
        assertThat(got.get(0).copy()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void severalRecordsInOneRead_allComeOut() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            wire.writeBytes(mark(8, true));
            wire.writeBytes(new byte[] {0, 0, 0, (byte) i, 0, 0, 0, 0});
        }
        ByteBuffer w = assembly.readWindow();
        w.put(wire.toByteArray());
        assembly.received(wire.size());
        List<Integer> xids = new ArrayList<>();
        while (assembly.hasNext()) {
            ReceivedRecord r = assembly.next();
            xids.add(ByteBuffer.wrap(r.copy()).getInt(0));
            assertThat(r.messageType()).isZero();
        }
        assertThat(assembly.next()).isNull();
        assertThat(xids).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aRecordAnnouncedLargerThanTheLimit_isRefusedBeforeItsBytesArrive() throws Exception {
        ByteBuffer w = assembly.readWindow();
        w.put(mark(LIMIT, true));
        assembly.received(4);
        assertThatThrownBy(assembly::next).isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void fragmentsAddingUpBeyondTheLimit_areRefused() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(mark(LIMIT / 2, false));
        wire.writeBytes(new byte[LIMIT / 2]);
        wire.writeBytes(mark(LIMIT / 2, true));
        assertThatThrownBy(() -> feed(wire.toByteArray(), new Random(5), 100_000, ReceivedRecord::release))
                .isInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void closing_letsGoOfAPartlyReceivedRecord() throws Exception {
        ByteBuffer w = assembly.readWindow();
        w.put(mark(1000, true)).put(new byte[10]);
        assembly.received(14);
        assertThat(assembly.next()).isNull();
        assembly.close();
        assertThat(pool.slabsFree()).isEqualTo(1);
    }

    private interface RecordSink {
        void accept(ReceivedRecord r) throws Exception;
    }

    /** Delivers {@code wire} the way a socket would: pieces of random size up to the window offered. */
    private void feed(byte[] wire, Random rnd, int maxPiece, RecordSink sink) throws Exception {
        int at = 0;
        while (at < wire.length) {
            ByteBuffer w = assembly.readWindow();
            assertThat(w.position()).isZero();
            int n = Math.min(Math.min(w.remaining(), wire.length - at), 1 + rnd.nextInt(maxPiece));
            w.put(wire, at, n);
            assembly.received(n);
            at += n;
            ReceivedRecord r;
            while ((r = assembly.next()) != null) {
                sink.accept(r);
            }
        }
    }

    /** {@code n} random record bodies, body {@code i} of {@code size.applyAsInt(i)} bytes. */
    private static List<byte[]> bodies(Random rnd, int n, IntUnaryOperator size) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] body = new byte[size.applyAsInt(i)];
            rnd.nextBytes(body);
            bodies.add(body);
        }
        return bodies;
    }

    /** The bodies as one-fragment records back to back. */
    private static byte[] wire(List<byte[]> bodies) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            wire.writeBytes(mark(body.length, true));
            wire.writeBytes(body);
        }
        return wire.toByteArray();
    }

    private static void assertSameRecords(List<byte[]> got, List<byte[]> sent) {
        assertThat(got).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(got.get(i)).as("record %d", i).isEqualTo(sent.get(i));
        }
    }

    private static byte[] record(int size, Random rnd) {
        byte[] body = new byte[size];
        rnd.nextBytes(body);
        return ByteBuffer.allocate(4 + size).put(mark(size, true)).put(body).array();
    }

    private static byte[] mark(int size, boolean last) {
        return ByteBuffer.allocate(4).putInt(last ? size | 0x80000000 : size).array();
    }
}
