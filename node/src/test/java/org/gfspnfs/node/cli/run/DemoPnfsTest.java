package org.gfspnfs.node.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.RecordingCallbacks;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.testing.FreePorts;
import org.gfspnfs.node.testing.InProcessGfsctl;
import org.gfspnfs.node.testing.PnfsSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfspnfs demo} as a user meets it: one process serving the MDS and three data servers over one image. A
 * client writes a file striped over the data servers the MDS names, commits the layout and reads the file back
 * through the MDS; gfsctl, pointed at the demo's cluster.conf, shows that client, its layout and the filesystem.
 */
class DemoPnfsTest {
    private static final int MIB = 1 << 20;
    /** WRITE/READ size: the test client's session takes requests well under the 1 MiB stripe unit. */
    private static final int PIECE = 64 << 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final List<Nfs41TestClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() throws IOException {
        for (Nfs41TestClient c : clients) {
            c.close();
        }
    }

    @Test
    void demo_stripesAFileOverThreeDataServers_andGfsctlShowsTheClientItsLayoutAndTheFilesystem() throws Exception {
        int port = FreePorts.range(7);
        Path demo = dir.resolve("demo");
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--image-size", "64M").awaitReady()) {
            assertThat(run.out()).contains("127.0.0.1:" + (port + 1) + ", 127.0.0.1:" + (port + 2) + ", 127.0.0.1:"
                    + (port + 3)).contains("./gfsctl layouts --conf " + demo.resolve("cluster.conf"));
            Nfs41TestClient mds = client(new InetSocketAddress("127.0.0.1", port), "demo-pnfs-test");
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "striped.bin");

            LayoutGet4Res layout = body(expectOk(mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                    new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid(), 4096)))),
                    Op.LAYOUTGET);
            FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
            int unit = fl.util & 0xFFFFFFC0;
            assertThat(unit).as("stripe unit").isEqualTo(MIB);
            List<Integer> dsPorts = PnfsSteps.dataServerPorts(mds, fl.deviceId);
            assertThat(dsPorts).as("GETDEVICEINFO, stripe order").containsExactly(port + 1, port + 2, port + 3);

            byte[] data = new byte[3 * MIB + 54321];
            new Random(7).nextBytes(data);
            List<Nfs41TestClient> ds = new ArrayList<>();
            for (int p : dsPorts) {
                ds.add(client(new InetSocketAddress("127.0.0.1", p), "demo-pnfs-test"));
            }
            byte[] dsFh = fl.fhList.get(0).value;
            for (int off = 0; off < data.length; off += PIECE) {
                byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + PIECE));
                expectOk(ds.get((off / unit) % 3).session(Ops.putFh(dsFh), Ops.write(f.stateid(), off, 0, chunk)));
            }
            for (Nfs41TestClient d : ds) {
                expectOk(d.session(Ops.putFh(dsFh), Ops.commit(0, 0)));
            }
            LayoutCommit4Res committed = body(expectOk(mds.session(Ops.putFh(f.fh()),
                    PnfsSteps.layoutCommit(layout.stateid, data.length))), Op.LAYOUTCOMMIT);
            assertThat(committed.newSize).isEqualTo(data.length);
            assertThat(PnfsSteps.sha256(PnfsSteps.readThroughMds(mds, f))).as("read back through the MDS").isEqualTo(PnfsSteps.sha256(data));

            Path conf = demo.resolve("cluster.conf");
            Gfsctl status = gfsctl("status", "--conf", conf.toString());
            assertThat(status.exit).as(status.err).isEqualTo(0);
            assertThat(status.out).contains("node1");
            JsonNode st = gfsctl("status", "--json", "--conf", conf.toString()).json();
            assertThat(st.at("/quorum/quorate").asBoolean()).isTrue();
            assertThat(st.at("/members/0/name").asText()).isEqualTo("node1");
            assertThat(st.at("/roles").toString()).contains("mds", "ds");

            JsonNode fs = gfsctl("fs", "--json", "--conf", conf.toString()).json();
            assertThat(fs.at("/0/journals")).hasSize(3);
            assertThat(fs.at("/0/journals/0/owner").asText()).isEqualTo("node1");
            assertThat(fs.at("/0/journals/0/state").asText()).isEqualTo("IN_USE");
            assertThat(fs.at("/0/rgrps").size()).isPositive();
            assertThat(gfsctl("fs", "--conf", conf.toString()).out).contains("IN_USE");

            JsonNode cl = gfsctl("clients", "--json", "--conf", conf.toString()).json();
            JsonNode me = find(cl, "clientId", mds.clientId());
            assertThat(me.get("owner").asText()).isEqualTo("demo-pnfs-test");
            assertThat(me.get("layouts").asInt()).isEqualTo(1);
            assertThat(me.get("state").asText()).isEqualTo("CONFIRMED");
            assertThat(me.get("opens").asInt()).isEqualTo(1);

            JsonNode opens = gfsctl("opens", "--json", "--conf", conf.toString()).json();
            JsonNode open = find(opens, "clientId", mds.clientId());
            assertThat(open.get("stateid").asText()).isEqualTo(HexFormat.of().formatHex(f.stateid().other));
            assertThat(open.get("access").asText()).isEqualTo("BOTH");
            assertThat(open.get("deny").asText()).isEqualTo("NONE");
            assertThat(gfsctl("clients", "--conf", conf.toString()).out)
                    .contains(String.format("%016x", mds.clientId()));

            JsonNode lo = gfsctl("layouts", "--json", "--conf", conf.toString()).json();
            JsonNode mine = find(lo, "clientId", mds.clientId());
            assertThat(mine.get("iomode").asText()).isEqualTo("RW");
            assertThat(mine.get("dataServers")).hasSize(3);
            assertThat(mine.get("recalling").asBoolean()).isFalse();
            assertThat(gfsctl("layouts", "--file", mine.get("file").asText(), "--conf", conf.toString()).out)
                    .contains(String.format("%016x", mds.clientId()));

            Gfsctl ls = gfsctl("ls", "--conf", conf.toString());
            assertThat(ls.out + ls.err).as("no DLM in the single-process demo").contains("not served");
            assertThat(run.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void gfsctl_recallReachesTheClient_andEvictFencesItOffTheDataServers() throws Exception {
        int port = FreePorts.range(7);
        Path demo = dir.resolve("demo");
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--image-size", "64M").awaitReady()) {
            String conf = demo.resolve("cluster.conf").toString();
            RecordingCallbacks callbacks = new RecordingCallbacks();
            Nfs41TestClient mds = Nfs41TestClient.connect(new InetSocketAddress("127.0.0.1", port), "evicted", 0, 0,
                    callbacks).mount();
            clients.add(mds);
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "held.bin");
            LayoutGet4Res layout = body(expectOk(mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                    new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid(), 4096)))),
                    Op.LAYOUTGET);
            FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
            Nfs41TestClient ds = client(new InetSocketAddress("127.0.0.1", port + 1), "evicted");
            expectOk(ds.session(Ops.putFh(fl.fhList.get(0).value), Ops.write(f.stateid(), 0, 0, new byte[4096])));
            String file = gfsctl("layouts", "--json", "--conf", conf).json().at("/0/file").asText();
            JsonNode delegation = gfsctl("delegations", "--json", "--conf", conf).json().at("/0");
            assertThat(delegation.get("type").asText()).as("the read-write open's delegation").isEqualTo("WRITE");
            assertThat(delegation.get("file").asText()).isEqualTo(file);
            assertThat(delegation.get("clientId").asLong()).isEqualTo(mds.clientId());
            assertThat(delegation.get("recalling").asBoolean()).isFalse();

            Gfsctl recall = gfsctl("recall-layouts", "--file", file, "--conf", conf);
            assertThat(recall.exit).as(recall.out + recall.err).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> !callbacks.received().isEmpty());
            assertThat(gfsctl("layouts", "--json", "--conf", conf).json().at("/0/recalling").asBoolean()).isTrue();

            Gfsctl evict = gfsctl("evict-client", String.format("%016x", mds.clientId()), "--conf", conf);
            assertThat(evict.exit).as(evict.out + evict.err).isZero();
            assertThat(gfsctl("clients", "--json", "--conf", conf).json().findValues("clientId"))
                    .noneMatch(id -> id.asLong() == mds.clientId());
            assertThat(gfsctl("layouts", "--json", "--conf", conf).json()).isEmpty();
            CompoundRes4 late = ds.session(Ops.putFh(fl.fhList.get(0).value), Ops.write(f.stateid(), 0, 0,
                    new byte[4096]));
            assertThat(late.status).as("a data server write under the evicted client's stateid")
                    .isNotEqualTo(NfsStat.NFS4_OK);
            assertThat(run.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void demo_advertisingAVmReachableAddress_namesItInGetDeviceInfo_andServesTheDataServersOnEveryAddress()
            throws Exception {
        int port = FreePorts.range(7);
        Path demo = dir.resolve("vm");
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", demo.toString(), "--port",
                String.valueOf(port), "--advertise", "10.77.9.1", "--image-size", "64M").awaitReady()) {
            assertThat(run.out()).contains("10.77.9.1:" + (port + 1) + ", 10.77.9.1:" + (port + 2));
            Nfs41TestClient mds = client(new InetSocketAddress("127.0.0.1", port), "vm");
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "vm.bin");
            LayoutGet4Res layout = body(expectOk(mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                    new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid(), 4096)))),
                    Op.LAYOUTGET);
            FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
            assertThat(PnfsSteps.dataServerAddresses(mds, fl.deviceId)).containsExactly("10.77.9.1:" + (port + 1),
                    "10.77.9.1:" + (port + 2), "10.77.9.1:" + (port + 3));
            // Listening on 0.0.0.0, so also reachable on loopback.
            client(new InetSocketAddress("127.0.0.1", port + 3), "vm");
        }
    }

    @Test
    void demo_withPnfsFlexfiles_handsOutFlexfilesLayouts_andRefusesTheFilesType() throws Exception {
        int port = FreePorts.range(7);
        Path demo = dir.resolve("flex");
        try (RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--pnfs", "flexfiles", "--dir",
                demo.toString(), "--port", String.valueOf(port), "--image-size", "64M").awaitReady()) {
            assertThat(java.nio.file.Files.readString(demo.resolve("exports"))).contains("pnfs=flexfiles");
            Nfs41TestClient mds = client(new InetSocketAddress("127.0.0.1", port), "flex");
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "flex.bin");
            CompoundRes4 files = mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                    new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid(), 4096)));
            assertThat(files.status).isEqualTo(NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE);
            LayoutGet4Res flex = body(expectOk(mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                    new LayoutGet4Args(false, LayoutTypes.FLEX_FILES, 2, 0, -1, 0, f.stateid(), 4096)))),
                    Op.LAYOUTGET);
            assertThat(flex.layouts).hasSize(1);
            assertThat(flex.layouts.get(0).content.layoutType).isEqualTo(LayoutTypes.FLEX_FILES);
        }
    }

    @Test
    void demo_withTheControlPortBusy_refusesNamingThePortRange() throws Exception {
        int port = FreePorts.range(7);
        try (ServerSocket busy = new ServerSocket(port + 4, 1, InetAddress.getByName("127.0.0.1"))) {
            RunningCommand run = RunningCommand.start("demo", "--nodes", "1", "--dir", dir.resolve("busy").toString(), "--port",
                    String.valueOf(port), "--image-size", "64M");

            assertThat(run.awaitExit()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).contains("port " + (port + 4)).contains(port + ".." + (port + 4));
        }
    }

    // ---- the client side -----------------------------------------------------------------------------------

    private Nfs41TestClient client(InetSocketAddress at, String owner) throws IOException {
        Nfs41TestClient c = Nfs41TestClient.connect(at, owner).mount();
        clients.add(c);
        return c;
    }

    // ---- gfsctl --------------------------------------------------------------------------------------------

    private record Gfsctl(int exit, String out, String err) {
        /** The single node's result of a --json answer. */
        JsonNode json() throws IOException {
            assertThat(exit).as(out + err).isZero();
            JsonNode node = JSON.readTree(out).at("/nodes/0");
            assertThat(node.get("node").asText()).isEqualTo("node1");
            assertThat(node.get("outcome").asText()).as(out).isEqualTo("ok");
            return node.get("result");
        }
    }

    private static Gfsctl gfsctl(String... args) {
        InProcessGfsctl.Result r = InProcessGfsctl.run("demo-test", args);
        return new Gfsctl(r.exit(), r.out(), r.err());
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        for (JsonNode n : array) {
            if (n.get(field).asLong() == value) {
                return n;
            }
        }
        throw new AssertionError("no entry with " + field + " " + value + " in " + array);
    }
}
