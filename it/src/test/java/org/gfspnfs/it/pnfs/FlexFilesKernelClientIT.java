package org.gfspnfs.it.pnfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import org.gfspnfs.it.vm.NfsTarget;
import org.gfspnfs.it.vm.TcpConnection;
import org.junit.jupiter.api.Test;

/**
 * The flexible files layout (RFC 8435) with the real Linux kernel client (issue #5): an export with
 * {@code pnfs=flexfiles} is mounted {@code vers=4.1}; a 64 MiB file is written and read back with md5s
 * ({@code pnfs-bigfile.sh}); the client's mountstats must name LAYOUT_FLEX_FILES and count every WRITE and READ as a
 * pNFS one, and the guest kernel's TCP byte counts must show the file's bytes on the data server's connection, not on
 * the MDS's. The node is the one a {@code gfspnfs demo --data-servers 1} run sets up, restarted with
 * {@code gfspnfs start} and an exports file of this test ({@link ExportsNode}), since the demo writes its own.
 */
class FlexFilesKernelClientIT {
    private static final int FILE_MIB = 64;
    private static final long MIB = 1L << 20;

    private final RepoPaths repo = RepoPaths.find();

    @Test
    void flexfilesExport_sixtyFourMiB_writtenAndReadThroughTheDataServer_checksumsMatch() throws IOException {
        assumeTrue(DemoSubcommand.check(repo) == DemoSubcommand.Availability.AVAILABLE,
                "`./gfspnfs demo` is not a subcommand yet");
        String advertise = HostAddress.reachableFromGuests().orElseThrow(() -> new IllegalStateException(
                "no non-loopback IPv4 address on this host for the guest to reach the data server at"));
        Path workDir = repo.itTarget("kernel-client/gfspnfs-flexfiles");
        PnfsKernelClientIT.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        Path tcpbytes = GuestBinaries.tcpbytes(workDir.resolve("bin"));
        Path demoDir = workDir.resolve("server-data");

        NfsTarget target;
        int dsPort;
        // The demo prepares the node (cluster.conf advertising `advertise`, key, image) and is stopped again.
        try (ServerProcess demo = ServerProcess.startPnfs(repo, demoDir, workDir.resolve("gfspnfs-demo.log"), 1,
                advertise)) {
            target = demo.target();
            dsPort = demo.dataServerPort(0);
        }
        GuestResult r;
        try (ExportsNode node = ExportsNode.start(repo, demoDir, "pnfs=flexfiles", workDir.resolve("gfspnfs.log"),
                target.port(), dsPort);
             KernelClient client = KernelClient.auto(repo.itModule(), workDir.resolve("runs"))) {
            r = client.run(target, GuestRun.of(GuestScript.resource("pnfs-bigfile.sh"))
                    .env("PNFS_MB", Integer.toString(FILE_MIB)).file(tcpbytes).timeout(Duration.ofSeconds(240)));
        }
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.failures()).as(r.describe()).isEmpty();
        assertThat(r.passedChecks()).as("md5 of the read-back file: " + r.describe()).isNotEmpty();

        MountStats.Mount mds = r.mountStats().flatMap(s -> s.at("/mnt/nfs"))
                .orElseThrow(() -> new AssertionError("no mountstats for /mnt/nfs: " + r.describe()));
        long bytes = FILE_MIB * MIB;
        System.out.printf("flexfiles %d MiB: write %s read %s; WRITE %d (pNFS %d) READ %d (pNFS %d) GETDEVICEINFO %d"
                        + " LAYOUTCOMMIT %d LAYOUTRETURN %d COMMIT %d; tcp %s%n", FILE_MIB, r.stepTimes().get("write"),
                r.stepTimes().get("read"), mds.ops("WRITE"), mds.pnfsWrites(), mds.ops("READ"), mds.pnfsReads(),
                mds.ops("GETDEVICEINFO"), mds.ops("LAYOUTCOMMIT"), mds.ops("LAYOUTRETURN"), mds.ops("COMMIT"),
                r.tcpConnections());

        assertThat(mds.pnfs()).as("layout type the export offers").isEqualTo("LAYOUT_FLEX_FILES");
        assertThat(mds.ops("GETDEVICEINFO")).as("GETDEVICEINFO calls").isPositive();
        assertThat(mds.pnfsWrites()).as("WRITEs sent to the data server").isPositive().isEqualTo(mds.ops("WRITE"));
        assertThat(mds.pnfsReads()).as("READs sent to the data server").isPositive().isEqualTo(mds.ops("READ"));
        List<TcpConnection> ds = r.tcpConnections().stream().filter(c -> c.port() == dsPort).toList();
        assertThat(ds).as("the connection to the data server: " + r.tcpConnections()).hasSize(1);
        assertThat(ds.get(0).bytesSent()).as("bytes written to the data server").isGreaterThanOrEqualTo(bytes);
        assertThat(ds.get(0).bytesReceived()).as("bytes read from the data server").isGreaterThanOrEqualTo(bytes);
        long mdsBytes = r.tcpConnections().stream().filter(c -> c.port() == target.port())
                .mapToLong(c -> c.bytesSent() + c.bytesReceived()).sum();
        assertThat(mdsBytes).as("bytes on the MDS connection (metadata only)").isLessThan(bytes / 100);
    }
}
