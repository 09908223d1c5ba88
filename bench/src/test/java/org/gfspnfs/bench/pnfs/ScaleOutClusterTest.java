package org.gfspnfs.bench.pnfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.gfspnfs.bench.nfs.LoadGen;
import org.gfspnfs.bench.nfs.LoadGenOptions;
import org.gfspnfs.bench.nfs.Metric;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scale-out bench's cluster serves the load generator's pNFS workload correctly (every block read is checked
 * against what was written), with the data servers next to the MDS and on their own mount behind the control
 * channel, and no data goes through the MDS.
 */
class ScaleOutClusterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pnfsWriteAndRead_throughTwoCappedDataServers_verifyAndBypassTheMds(boolean remote) throws Exception {
        try (ScaleOutCluster cluster = new ScaleOutCluster(dir, 256L << 20, 2, 1L << 30, 1 << 20, remote)) {
            LoadGenOptions o = LoadGenOptions.parse(new String[] {"--server", "127.0.0.1:"
                    + cluster.mdsAddress().getPort(), "--export", "/export", "--workload", "seq-write,seq-read",
                    "--streams", "2", "--size", "16m", "--pnfs", "--tcp-seconds", "0"});
            ByteArrayOutputStream lines = new ByteArrayOutputStream();

            List<Metric> metrics = new LoadGen(o, new PrintStream(lines, true, StandardCharsets.UTF_8)).run();

            assertThat(metrics).extracting(Metric::name).containsExactly("pnfs-seq-write", "pnfs-seq-read");
            assertThat(metrics).allSatisfy(m -> {
                assertThat(m.bytes()).isEqualTo(16L << 20);
                assertThat(m.extra()).contains("mds_data_bytes=0", "data_servers=2");
            });
        }
    }
}
