package org.gfspnfs.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.node.testing.PnfsSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * pNFS across node processes: n1 serves the MDS and a data server, n2 (a standby MDS) and n3 a data server each,
 * every one over its own mount of the one image (glocks over the DLM). A client's layout stripes over all three nodes; what it wrote
 * through each node's data server reads back through the MDS; when a data-server node dies, the MDS stops naming it.
 */
@Timeout(300)
class ClusterPnfsIT {
    private static final int MIB = 1 << 20;
    private static final Duration START = Duration.ofSeconds(90);

    /** Kept when a test fails: its node logs (n1.log ...) are what explains a cluster that misbehaved. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<Nfs41TestClient> clients = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Nfs41TestClient c : clients) {
            c.close();
        }
        for (NodeProcess n : nodes) {
            n.close();
        }
    }

    @Test
    void layoutStripesOverThreeNodes_dataWrittenThroughEachNodeReadsBackThroughTheMds_deadDsDropsOut()
            throws Exception {
        // n2 has the mds role too: the lowest nodeid with it (n1) is the active MDS, n2 stands by and serves its DS.
        ClusterFixture cluster = ClusterFixture.create(dir, 3, null, 2);
        for (int i = 1; i <= 3; i++) {
            nodes.add(NodeProcess.start(cluster, "n" + i));
        }
        for (NodeProcess n : nodes) {
            n.await(l -> l.equals("ready"), START);
        }
        nodes.get(1).await(l -> l.contains("n1 (lower nodeid) is the active MDS"), START);
        Nfs41TestClient mds = client(cluster.conf.node("n1").orElseThrow().nfsMds().toSocketAddress());
        PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "striped.bin");
        PnfsSteps.Layout layout = PnfsSteps.layoutGetRw(mds, f);
        assertThat(PnfsSteps.dataServerAddresses(mds, layout.files().deviceId)).as("stripe order = nodeid order")
                .containsExactly(dsOf(cluster, "n1"), dsOf(cluster, "n2"), dsOf(cluster, "n3"));

        byte[] data = new byte[6 * MIB + 4321];
        new Random(11).nextBytes(data);
        List<Nfs41TestClient> ds = new ArrayList<>();
        for (String n : List.of("n1", "n2", "n3")) {
            ds.add(client(cluster.conf.node(n).orElseThrow().nfsDs().toSocketAddress()));
        }
        PnfsSteps.writeStriped(ds, layout, f, data);
        LayoutCommit4Res committed = Nfs41TestClient.body(Nfs41TestClient.expectOk(mds.session(
                org.gfspnfs.nfs41.fixture.Ops.putFh(f.fh()), PnfsSteps.layoutCommit(layout.stateid(),
                        data.length))), Op.LAYOUTCOMMIT);
        assertThat(committed.newSize).isEqualTo(data.length);
        assertThat(PnfsSteps.sha256(PnfsSteps.readThroughMds(mds, f))).as("read back through the MDS")
                .isEqualTo(PnfsSteps.sha256(data));

        JsonNode layouts = Gfsctl.json(cluster, "layouts", "--node", "n1", "--json").at("/nodes/0/result");
        assertThat(layouts).hasSize(1);
        assertThat(layouts.get(0).get("dataServers")).extracting(JsonNode::asText).containsExactly("n1", "n2", "n3");

        leasedVerdicts_areTakenBackWhenTheStateEnds(cluster, ds.get(1));

        // n3 dies: the MDS recalls the layout over the old device and new layouts name n1 and n2 only.
        nodes.get(2).kill9();
        awaitDataServers(mds, f, List.of(dsOf(cluster, "n1"), dsOf(cluster, "n2")), Duration.ofSeconds(60));
        assertThat(PnfsSteps.sha256(PnfsSteps.readThroughMds(mds, f))).as("after n3's loss")
                .isEqualTo(PnfsSteps.sha256(data));
    }

    /**
     * n2's data server caches the MDS's VALID verdicts (one VALIDATE_STATEID per stateid, not per I/O); the MDS takes
     * them back with REVOKE_STATE when the state ends, well before the lease (10 s) would run out: after a CLOSE
     * within moments, after an eviction before the evict command returns.
     */
    private void leasedVerdicts_areTakenBackWhenTheStateEnds(ClusterFixture cluster, Nfs41TestClient n2)
            throws Exception {
        InetSocketAddress mdsAt = cluster.conf.node("n1").orElseThrow().nfsMds().toSocketAddress();
        Nfs41TestClient closer = client(mdsAt, "closer");
        PnfsSteps.OpenFile closed = PnfsSteps.openCreate(closer, "closed.bin");
        byte[] closedFh = PnfsSteps.layoutGetRw(closer, closed).files().fhList.get(0).value;
        for (int i = 0; i < 3; i++) {
            expectOk(n2.session(Ops.putFh(closedFh), Ops.write(closed.stateid(), MIB + i * 4096L, 0,
                    new byte[4096])));
        }
        expectOk(closer.session(Ops.putFh(closed.fh()), Ops.close(closed.stateid())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(n2.session(Ops.putFh(closedFh),
                Ops.write(closed.stateid(), MIB, 0, new byte[4096])).status)
                .as("n2's write under a closed open stateid").isEqualTo(NfsStat.NFS4ERR_BAD_STATEID));

        Nfs41TestClient evicted = client(mdsAt, "evicted");
        PnfsSteps.OpenFile held = PnfsSteps.openCreate(evicted, "evicted.bin");
        byte[] heldFh = PnfsSteps.layoutGetRw(evicted, held).files().fhList.get(0).value;
        expectOk(n2.session(Ops.putFh(heldFh), Ops.write(held.stateid(), MIB, 0, new byte[4096])));
        Gfsctl.Result evict = Gfsctl.run(cluster, "evict-client", String.format("%016x", evicted.clientId()),
                "--node", "n1");
        assertThat(evict.exit()).as(evict.out() + evict.err()).isZero();
        assertThat(n2.session(Ops.putFh(heldFh), Ops.write(held.stateid(), MIB, 0, new byte[4096])).status)
                .as("n2's write under the evicted client's stateid, right after the eviction")
                .isIn(NfsStat.NFS4ERR_EXPIRED, NfsStat.NFS4ERR_BAD_STATEID);
    }

    private void awaitDataServers(Nfs41TestClient mds, PnfsSteps.OpenFile f, List<String> expected,
                                  Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> last = List.of();
        while (System.nanoTime() < deadline) {
            try {
                PnfsSteps.Layout l = PnfsSteps.layoutGetRw(mds, f);
                last = PnfsSteps.dataServerAddresses(mds, l.files().deviceId);
                if (last.equals(expected)) {
                    return;
                }
            } catch (AssertionError e) {
                // LAYOUTGET refused while the recall of the old layout is outstanding: ask again
                last = List.of(e.getMessage());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("data servers never became " + expected + "; last " + last);
    }

    private static String dsOf(ClusterFixture cluster, String node) {
        ClusterNode n = cluster.conf.node(node).orElseThrow();
        return n.advertisedDs().host() + ":" + n.advertisedDs().port();
    }

    private Nfs41TestClient client(InetSocketAddress at) throws IOException {
        return client(at, "cluster-pnfs-it");
    }

    private Nfs41TestClient client(InetSocketAddress at, String owner) throws IOException {
        Nfs41TestClient c = Nfs41TestClient.connect(at, owner).mount();
        clients.add(c);
        return c;
    }
}
