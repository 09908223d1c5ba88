package org.gfspnfs.it.pnfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.it.server.DemoSubcommand;
import org.gfspnfs.it.server.HostAddress;
import org.gfspnfs.it.server.RepoPaths;
import org.gfspnfs.it.server.ServerProcess;
import org.gfspnfs.it.vm.GuestBinaries;
import org.gfspnfs.it.vm.GuestResult;
import org.gfspnfs.it.vm.GuestRun;
import org.gfspnfs.it.vm.GuestScript;
import org.gfspnfs.it.vm.KernelClient;
import org.gfspnfs.it.vm.MountStats;
import org.gfspnfs.it.vm.TcpConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * pNFS files layout with the real Linux kernel client (issue #5): {@code ./gfspnfs demo} with an MDS and three data
 * servers, a UML (or qemu) guest mounting {@code vers=4.1}. Each scenario is a guest script that checks contents inside
 * the guest; the host then asserts where the bytes went: the client's mountstats (pNFS I/O counts, GETDEVICEINFO),
 * the guest kernel's per-connection TCP byte counts (tcpbytes.c: one connection per data server) and the MDS's own
 * list of granted layouts (control channel).
 *
 * <p>Size of the large file: {@code -Dit.pnfs.mb=N} (MiB; default 1024, the issue's acceptance size; see it/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PnfsKernelClientIT {

    static final int DATA_SERVERS = 3;
    static final String FILES_LAYOUT = "LAYOUT_NFSV4_1_FILES";
    private static final long MIB = 1L << 20;
    /** File size of the race scenarios: big enough that each race lands mid-write (1 MiB per WRITE). */
    private static final int RACE_MIB = 32;
    /**
     * The races take 12-50 s on a quiet machine; once (a build sharing the 2 cores with four others) the two-openers
     * phase under continuous recalls took over 100 s. A LAYOUTCOMMIT retry loop is caught by the error counts below,
     * not by this limit, so it leaves room for a loaded machine.
     */
    private static final Duration RACE_LIMIT = Duration.ofSeconds(240);
    /** Refused layout operations a scenario tolerates (recall races); a client retry loop makes thousands. */
    private static final int MAX_PROTOCOL_ERRORS = 20;
    /** File size of the data-server loss scenario. */
    private static final int LOSS_MIB = 64;
    /** The file of the read-write descriptor scenario. */
    private static final int RW_DELEG_MIB = 32;
    /** Files of the small-file scenario. */
    private static final int SMALL_FILES = 200;

    private final RepoPaths repo = RepoPaths.find();
    private final int fileMib = Integer.getInteger("it.pnfs.mb", 1024);
    private ServerProcess server;
    private KernelClient client;
    private Path workDir;
    private Path tcpbytes;
    private String advertise;

    @BeforeAll
    void startServerAndClient() throws IOException {
        assumeTrue(DemoSubcommand.check(repo) == DemoSubcommand.Availability.AVAILABLE,
                "`./gfspnfs demo` is not a subcommand yet");
        advertise = HostAddress.reachableFromGuests().orElseThrow(() -> new IllegalStateException(
                "no non-loopback IPv4 address on this host for the guest to reach the data servers at"));
        workDir = repo.itTarget("kernel-client/gfspnfs-pnfs");
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        tcpbytes = GuestBinaries.tcpbytes(workDir.resolve("bin"));
        server = ServerProcess.startPnfs(repo, workDir.resolve("server-data"), workDir.resolve("gfspnfs-demo.log"),
                DATA_SERVERS, advertise);
        client = KernelClient.auto(repo.itModule(), workDir.resolve("runs"));
    }

    @AfterAll
    void stopEverything() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void largeFile_stripedOverAllDataServers() throws IOException {
        // The guest gets the file's size in memory on top of its default 1 GiB. With 1 GiB for a 1 GiB file, two CI
        // runs in about a dozen stalled: the guest at 100% CPU with WRITEs stopped at 841 MiB, no COMMIT for
        // minutes, the servers idle (a client short of memory for its uncommitted pages, by the look of it). Memory
        // is not what this test is about.
        Watched watched = runWatched(GuestRun.of(GuestScript.resource("pnfs-bigfile.sh"))
                .env("PNFS_MB", Integer.toString(fileMib)).memoryMib(1024 + fileMib), limitFor(fileMib));
        GuestResult r = watched.result();
        LayoutWatch watch = watched.watch();
        MountStats.Mount mds = mdsMount(r);
        long bytes = fileMib * MIB;
        report(r, mds, bytes);

        assertThat(Long.parseLong(r.values().get("mem-total-kb"))).as("guest memory, KiB")
                .isGreaterThan(fileMib * 1024L);
        assertThat(mds.pnfs()).as("layout type offered").isEqualTo(FILES_LAYOUT);
        assertThat(mds.ops("GETDEVICEINFO")).as("GETDEVICEINFO calls").isPositive();
        assertThat(watch.maxLayouts()).as("layouts the MDS granted while the guest ran; " + watch.describe())
                .isPositive();
        assertThat(watch.dataServersSeen()).as("data servers the granted layouts stripe over; " + watch.describe())
                .hasSize(DATA_SERVERS);
        assertThat(mds.pnfsWrites()).as("WRITEs sent through pNFS").isPositive().isEqualTo(mds.ops("WRITE"));
        assertThat(mds.pnfsReads()).as("READs sent through pNFS").isPositive().isEqualTo(mds.ops("READ"));

        List<TcpConnection> ds = dataServerConnections(r);
        assertThat(ds).as("one connection per data server: " + r.tcpConnections()).hasSize(DATA_SERVERS);
        for (TcpConnection c : ds) {
            // 1 MiB stripe units round-robin over 3: each data server carries a third, give or take a unit and headers
            assertThat(c.bytesSent()).as("bytes written to data server port " + c.port())
                    .isBetween(bytes / 4, bytes / 2);
            assertThat(c.bytesReceived()).as("bytes read from data server port " + c.port())
                    .isBetween(bytes / 4, bytes / 2);
        }
        TcpConnection mdsConnection = mdsConnection(r);
        assertThat(mdsConnection.bytesSent() + mdsConnection.bytesReceived())
                .as("bytes on the MDS connection (metadata only, no file data)").isLessThan(bytes / 100);
    }

    /**
     * A file written through a read-write descriptor: the MDS delegates it to the client for writing, and the kernel
     * then sends the delegation stateid with its WRITEs to the data servers. Every WRITE must go through pNFS (a data
     * server refusing the stateid would send the client back to the MDS) and the file must read back intact.
     */
    @Test
    void readWriteDescriptor_underAWriteDelegation_writesThroughTheDataServers() {
        GuestResult r = run(GuestRun.of(GuestScript.resource("pnfs-rw-deleg.sh")).env("PNFS_MB",
                Integer.toString(RW_DELEG_MIB)), limitFor(RW_DELEG_MIB));
        MountStats.Mount mds = mdsMount(r);
        assertThat(mds.pnfsWrites()).as("WRITEs sent through pNFS").isPositive().isEqualTo(mds.ops("WRITE"));
        assertThat(mds.ops("OPEN")).as("OPENs: the file's create and its read-write open, then local opens")
                .isLessThanOrEqualTo(3);
    }

    @Test
    void smallFiles_goThroughTheMds_andLeaveNoLayoutState() throws IOException {
        Watched watched = runWatched(GuestRun.of(GuestScript.resource("pnfs-smallfiles.sh"))
                .env("SMALL_FILES", Integer.toString(SMALL_FILES)), Duration.ofSeconds(180));
        GuestResult r = watched.result();
        LayoutWatch watch = watched.watch();
        MountStats.Mount mds = mdsMount(r);
        System.out.printf("small files: OPEN %d WRITE %d (pNFS %d) LAYOUTGET %d LAYOUTRETURN %d; %s%n",
                mds.ops("OPEN"), mds.ops("WRITE"), mds.pnfsWrites(), mds.ops("LAYOUTGET"), mds.ops("LAYOUTRETURN"),
                watch.describe());
        assertThat(mds.ops("OPEN")).as("OPENs (each with a LAYOUTGET inside)").isGreaterThanOrEqualTo(SMALL_FILES);
        assertThat(mds.ops("WRITE")).as("WRITEs").isGreaterThanOrEqualTo(SMALL_FILES);
        assertThat(mds.pnfsWrites()).as("WRITEs sent to data servers").isZero();
        assertThat(watch.maxLayouts()).as("layouts the MDS held while the guest ran; " + watch.describe()).isZero();
        assertThat(mds.ops("LAYOUTGET")).as("LAYOUTGETs of their own").isZero();
        assertThat(mds.ops("LAYOUTRETURN")).as("LAYOUTRETURNs").isZero();
    }

    @Test
    void truncateRemoveAndConcurrentOpen_duringPnfsIo_stayCorrect() throws IOException {
        GuestResult r;
        LayoutWatch watch;
        try (LayoutWatch w = LayoutWatch.startRecalling(server.controlAddress(), server.clusterKey())) {
            watch = w;
            r = run(GuestRun.of(GuestScript.resource("pnfs-truncate-remove.sh"))
                    .env("PNFS_RACE_MB", Integer.toString(RACE_MIB)), RACE_LIMIT);
        }
        MountStats.Mount mds = mdsMount(r);
        System.out.printf("races: %s; %s; LAYOUTGET %d LAYOUTRETURN %d LAYOUTCOMMIT %d WRITE %d (pNFS %d)%n",
                r.values(), watch.describe(), mds.ops("LAYOUTGET"), mds.ops("LAYOUTRETURN"),
                mds.ops("LAYOUTCOMMIT"), mds.ops("WRITE"), mds.pnfsWrites());

        assertThat(mds.pnfsWrites()).as("WRITEs sent through pNFS").isPositive();
        assertThat(watch.recallsSent()).as("CB_LAYOUTRECALLs the MDS sent during the races; " + watch.describe())
                .isPositive();
        assertThat(mds.ops("LAYOUTRETURN")).as("layouts the client returned (recalls answered, files closed)")
                .isPositive();
        assertThat(mds.ops("LAYOUTGET")).as("fresh layouts fetched after recalls (not on OPEN)").isPositive();
        // DESIGN.md: the Linux client must never see a protocol error it did not cause. A few are its own doing
        // (a LAYOUTRETURN of a removed file); thousands are a retry loop (see it/README.md, known server bugs).
        assertThat(mds.errors("LAYOUTCOMMIT")).as("LAYOUTCOMMITs the server refused (%d sent)",
                mds.ops("LAYOUTCOMMIT")).isLessThan(MAX_PROTOCOL_ERRORS);
        // a LAYOUTGET while a recall of the file is outstanding is rightly refused (NFS4ERR_RECALLCONFLICT)
        assertThat(mds.errors("LAYOUTGET")).as("LAYOUTGETs the server refused (%d sent, %d recalls)",
                mds.ops("LAYOUTGET"), watch.recallsSent())
                .isLessThan((long) MAX_PROTOCOL_ERRORS * (watch.recallsSent() + 1));
        assertThat(dataServerConnections(r)).as("I/O still reached every data server: " + r.tcpConnections())
                .hasSize(DATA_SERVERS).allSatisfy(c -> assertThat(c.bytesSent()).isPositive());
    }

    /**
     * The second data server's port starts answering with TCP resets once a quarter of the file is written and
     * fsync'd (what a client sees when that server is stopped; see PortCut, and it/README.md for why not a process
     * stop). The guest then writes the rest: the client must fall back to I/O through the MDS, and every fsync'd byte
     * must read back.
     */
    @Test
    void dataServerUnreachableMidWrite_clientFallsBack_noAckedDataLost() throws Exception {
        int lossPort = server.dataServerPort(1);
        GuestRun run = GuestRun.of(GuestScript.resource("pnfs-ds-loss.sh")).env("PNFS_MB", Integer.toString(LOSS_MIB))
                .env("LOSS_ADDR", advertise).env("LOSS_PORT", Integer.toString(lossPort));
        ExecutorService guest = Executors.newSingleThreadExecutor();
        GuestResult r;
        try {
            Future<GuestResult> running = guest.submit(() -> client.run(server.target(),
                    run.file(tcpbytes).timeout(limitFor(4 * LOSS_MIB))));
            Path console = awaitConsole("pnfs-ds-loss.sh");
            await("the guest wrote the first quarter and asks for the cut").atMost(limitFor(LOSS_MIB))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> running.isDone() || Files.readString(console).contains("@@IT PHASE cut"));
            try (PortCut cut = PortCut.resetTcp(lossPort)) {
                r = running.get(limitFor(4 * LOSS_MIB).plusMinutes(1).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            guest.shutdownNow();
        }
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.failures()).as(r.describe()).isEmpty();
        MountStats.Mount mds = mdsMount(r);
        TcpConnection mdsConnection = mdsConnection(r);
        System.out.printf("data server lost: %s; WRITE %d (pNFS %d) READ %d (pNFS %d) LAYOUTGET %d LAYOUTRETURN %d;"
                        + " MDS connection sent %d received %d; %s%n", r.stepTimes(), mds.ops("WRITE"),
                mds.pnfsWrites(), mds.ops("READ"), mds.pnfsReads(), mds.ops("LAYOUTGET"), mds.ops("LAYOUTRETURN"),
                mdsConnection.bytesSent(), mdsConnection.bytesReceived(), r.tcpConnections());
        assertThat(mds.pnfsWrites()).as("WRITEs through pNFS before the cut").isPositive();
        assertThat(mds.ops("WRITE") - mds.pnfsWrites()).as("WRITEs the client sent through the MDS after the cut")
                .isPositive();
        assertThat(mdsConnection.bytesSent()).as("file data the client sent the MDS after the cut")
                .isGreaterThan(MIB);
    }

    /** The console of the (only) run of {@code script} going on now; the harness creates it when the run starts. */
    private Path awaitConsole(String script) {
        Path[] found = new Path[1];
        await("console of " + script).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = client.console(script).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private MountStats.Mount mdsMount(GuestResult r) {
        return r.mountStats().flatMap(s -> s.at("/mnt/nfs"))
                .orElseThrow(() -> new AssertionError("no mountstats for /mnt/nfs: " + r.describe()));
    }

    private List<TcpConnection> dataServerConnections(GuestResult r) {
        List<TcpConnection> out = new ArrayList<>();
        for (int i = 0; i < DATA_SERVERS; i++) {
            int port = server.dataServerPort(i);
            r.tcpConnections().stream().filter(c -> c.port() == port).forEach(out::add);
        }
        return out;
    }

    private TcpConnection mdsConnection(GuestResult r) {
        int port = server.target().port();
        List<TcpConnection> mds = r.tcpConnections().stream().filter(c -> c.port() == port).toList();
        assertThat(mds).as("the guest's connection to the MDS: " + r.tcpConnections()).hasSize(1);
        return mds.get(0);
    }

    /** The numbers the issue asks for, in the failsafe output (it/target/failsafe-reports/*-output.txt). */
    private void report(GuestResult r, MountStats.Mount mds, long bytes) {
        double mb = bytes / 1e6;
        Duration write = r.stepTimes().get("write");
        Duration read = r.stepTimes().get("read");
        System.out.printf("pNFS %d MiB: write %.1f s (%.1f MB/s), read %.1f s (%.1f MB/s), guest clock%n",
                bytes / MIB, secs(write), mb / secs(write), secs(read), mb / secs(read));
        System.out.printf("mountstats: WRITE %d (pNFS %d) READ %d (pNFS %d) LAYOUTGET %d GETDEVICEINFO %d"
                        + " LAYOUTCOMMIT %d LAYOUTRETURN %d COMMIT %d%n", mds.ops("WRITE"), mds.pnfsWrites(),
                mds.ops("READ"), mds.pnfsReads(), mds.ops("LAYOUTGET"), mds.ops("GETDEVICEINFO"),
                mds.ops("LAYOUTCOMMIT"), mds.ops("LAYOUTRETURN"), mds.ops("COMMIT"));
        r.tcpConnections().forEach(c -> System.out.printf("tcp %s:%d sent %d received %d%n", c.host(), c.port(),
                c.bytesSent(), c.bytesReceived()));
    }

    private static double secs(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }

    /** Boot and mount take seconds; the guest moves a few MB/s at worst on the loaded 2-core machine. */
    static Duration limitFor(int mib) {
        return Duration.ofSeconds(120 + mib / 2L);
    }

    /** A guest run and what the MDS's layout list showed while it ran. */
    private record Watched(GuestResult result, LayoutWatch watch) {
    }

    /** {@link #run} while a {@link LayoutWatch} polls the MDS's granted layouts. */
    private Watched runWatched(GuestRun run, Duration limit) throws IOException {
        try (LayoutWatch w = LayoutWatch.start(server.controlAddress(), server.clusterKey())) {
            return new Watched(run(run, limit), w);
        }
    }

    private GuestResult run(GuestRun run, Duration limit) {
        GuestResult r = client.run(server.target(), run.file(tcpbytes).timeout(limit));
        if (!r.succeeded()) {
            assertThat(r.succeeded()).as(r.describe() + "\nserver:\n" + server.diagnose(workDir.resolve("diag")))
                    .isTrue();
        }
        assertThat(r.failures()).as(r.describe()).isEmpty();
        assertThat(r.passedChecks()).as("the guest script ran to its checks: " + r.describe()).isNotEmpty();
        return r;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
