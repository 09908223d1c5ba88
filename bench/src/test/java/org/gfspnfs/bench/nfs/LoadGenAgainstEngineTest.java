package org.gfspnfs.bench.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.transport.SlabPool;
import org.gfspnfs.nfs41.xdr.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against the real nfs41 engine over TCP: a protocol mistake in the generator fails here. */
class LoadGenAgainstEngineTest {
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private String hostPort() {
        InetSocketAddress a = server.address();
        return "127.0.0.1:" + a.getPort();
    }

    private NfsSession session() throws IOException {
        return NfsSession.connect(server.address(), NfsSession.Options.defaults("test-" + System.nanoTime()));
    }

    @Test
    void allWorkloads_everyMetricMeasured_andTheExportLeftAsFound() throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", hostPort(), "--export", "/export",
            "--workload", "all", "--streams", "1,3", "--size", "3m", "--files", "300", "--listings", "2",
            "--rand-ops", "300", "--rand-file", "1m", "--tcp-seconds", "1", "--dir", "lg"});
        List<Metric> metrics = new LoadGen(o, new PrintStream(lines, true, StandardCharsets.UTF_8)).run();

        assertThat(metrics).extracting(m -> m.name() + "/" + m.streams()).containsExactly(
                "tcp-ceiling/1", "tcp-ceiling/3", "seq-write/1", "seq-write/3", "seq-read/1", "seq-read/3",
                "creates/1", "readdir/1", "rand4k-write/1", "rand4k-read/1", "removes/1");
        assertThat(metrics).allSatisfy(m -> assertThat(m.nanos()).isPositive());
        Metric write3 = metrics.get(3);
        assertThat(write3.bytes()).isEqualTo(3L << 20);
        assertThat(write3.ops()).isEqualTo(3);
        assertThat(metrics.get(6).ops()).isEqualTo(300);
        assertThat(metrics.get(7).ops()).as("two listings of 300 entries").isEqualTo(600);
        assertThat(metrics.get(10).ops()).isEqualTo(300);
        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("metric=seq-read streams=3 MBps=");

        // the run's directory is gone and its sessions and client ids were destroyed
        try (NfsSession s = session()) {
            FileClient c = new FileClient(s);
            assertThatThrownBy(() -> c.lookupPath("/export/lg")).isInstanceOfSatisfying(NfsStatusException.class,
                    e -> assertThat(e.status()).isEqualTo(NfsStat.NFS4ERR_NOENT));
            assertThat(server.server().services().clients().clients()).hasSize(1);
        }
        assertThat(server.server().services().clients().clients()).isEmpty();
    }

    @Test
    void nconnect_streamsOverConnectionsBoundToOneSession_moveAndVerifyEveryByte() throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", hostPort(), "--export", "/export",
            "--workload", "seq-write,seq-read", "--streams", "1,3", "--size", "3m", "--nconnect", "3",
            "--tcp-seconds", "0", "--dir", "nc"});
        List<Metric> metrics = new LoadGen(o, new PrintStream(lines, true, StandardCharsets.UTF_8)).run();

        assertThat(metrics).extracting(m -> m.name() + "/" + m.streams() + "/" + m.bytes()).containsExactly(
                "seq-write/1/3145728", "seq-write/3/3145728", "seq-read/1/3145728", "seq-read/3/3145728");
        assertThat(server.server().services().clients().clients()).as("one client, its session destroyed").isEmpty();
        assertThatThrownBy(() -> LoadGenOptions.parse(new String[] {"--server", hostPort(), "--nconnect", "17"}))
                .hasMessageContaining("--nconnect must be 1..16");
    }

    @Test
    void readsSentFromWhereTheBytesLie_pipelinedOverSeveralConnections_moveAndVerifyEveryByte() throws IOException {
        server.fs().sendReadsInPlace(64 * 1024);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", hostPort(), "--export", "/export",
            "--workload", "seq-write,seq-read", "--streams", "1,3", "--size", "12m", "--nconnect", "3",
            "--client-warmup", "1", "--tcp-seconds", "0", "--dir", "inplace"});
        List<Metric> metrics = new LoadGen(o, new PrintStream(lines, true, StandardCharsets.UTF_8)).run();

        assertThat(metrics).extracting(m -> m.name() + "/" + m.streams() + "/" + m.bytes()).containsExactly(
                "seq-write/1/12582912", "seq-write/3/12582912", "seq-read/1/12582912", "seq-read/3/12582912");
        assertThat(server.fs().payloadsIssued()).as("the reads went the in-place way").isGreaterThanOrEqualTo(48);
        assertThat(server.fs().payloadsOutstanding()).as("each released once written").isZero();
    }

    @Test
    void pipelinedWritesOverSeveralConnections_areReadIntoAFewReusedSlabs_allHandedBack() throws IOException {
        LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", hostPort(), "--export", "/export",
            "--workload", "seq-write", "--streams", "1,3", "--size", "48m", "--nconnect", "3", "--depth", "6",
            "--client-warmup", "1", "--tcp-seconds", "0", "--dir", "slabs"});
        List<Metric> metrics = new LoadGen(o, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();

        assertThat(metrics).extracting(m -> m.name() + "/" + m.streams() + "/" + m.bytes()).containsExactly(
                "seq-write/1/50331648", "seq-write/3/50331648");
        SlabPool requests = server.server().requestMemory();
        // 192 WRITEs of 1 MiB, at most 3 x 6 in flight plus a slab per connection being read into: without reuse
        // (or with fewer slabs kept than a busy server holds) every WRITE would make a slab, zeroed and faulted in.
        assertThat(requests.slabsMade()).as("slabs made for 192 WRITEs").isLessThanOrEqualTo(40);
        // A request's memory goes back when its reply is encoded, before the reply is sent.
        assertThat(requests.slabsFree()).as("every answered request handed its memory back")
                .isEqualTo((int) requests.slabsMade());
    }

    @Test
    void seqRead_failsWhenTheServerReturnsOtherBytesThanWritten() throws IOException {
        try (NfsSession s = session()) {
            FileClient c = new FileClient(s);
            byte[] dir = c.mkdirs(c.lookupPath("/export"), "verify");
            SequentialWorkload seq = new SequentialWorkload(MdsFileIo.factory(c, dir), 64 << 10, 4);
            seq.write("seq-write", 1, 256 << 10);
            assertThat(seq.read("seq-read", 1, 256 << 10).bytes()).isEqualTo(256 << 10);

            OpenFile f = c.open(dir, SequentialWorkload.fileName(1, 0), NfsOps.ACCESS_BOTH);
            NfsSession.await(c.write(f.fh(), f.stateid(), 128 << 10, ByteBuffer.wrap(new byte[] {42}),
                    NfsOps.FILE_SYNC4));
            c.close(f);
            assertThatThrownBy(() -> seq.read("seq-read", 1, 256 << 10)).hasMessageContaining("differ");
        }
    }

    @Test
    void serverError_namesStatusAndOperation() throws IOException {
        try (NfsSession s = session()) {
            FileClient c = new FileClient(s);
            byte[] export = c.lookupPath("/export");
            assertThatThrownBy(() -> c.open(export, "missing", NfsOps.ACCESS_READ))
                    .isInstanceOfSatisfying(NfsStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(NfsStat.NFS4ERR_NOENT);
                        assertThat(e.opnum()).isEqualTo(Op.OPEN);
                        assertThat(e).hasMessage("NFS4ERR_NOENT in OPEN");
                    });
            // the slot used by the failed request is usable again: the next request goes through
            assertThat(c.getattr(export, org.gfspnfs.nfs41.attr.Attr.TYPE)).containsKey(1);
        }
    }

    @Test
    void manyRequestsInFlight_shareTheSessionSlots() throws IOException {
        try (NfsSession s = session()) {
            FileClient c = new FileClient(s);
            byte[] export = c.lookupPath("/export");
            assertThat(s.slots()).isGreaterThan(1);
            Window w = new Window(s.slots());
            for (int i = 0; i < 20 * s.slots(); i++) {
                w.submit(() -> s.send(NfsOps.putFh(export), NfsOps.getattr(org.gfspnfs.nfs41.attr.Attr.SIZE)));
            }
            w.drain();
        }
    }

    @Test
    void pnfsAgainstAServerWithoutLayouts_isReportedNotApplicable() throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", hostPort(), "--export", "/export",
            "--workload", "seq-write,seq-read", "--streams", "1", "--size", "1m", "--pnfs", "--tcp-seconds", "0"});
        List<Metric> metrics = new LoadGen(o, new PrintStream(lines, true, StandardCharsets.UTF_8)).run();
        assertThat(metrics).isEmpty();
        assertThat(lines.toString(StandardCharsets.UTF_8))
                .contains("metric=pnfs-seq-write streams=1 status=n/a reason=\"server does not offer pNFS");
    }
}
