package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.ExtentState;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data server on another node than the MDS: its own mount (journal 1) of the shared image, the MDS reached only
 * over the control channel. Writes land in blocks the MDS allocated, are reported in one batch at COMMIT, become
 * visible at LAYOUTCOMMIT, and an unreachable MDS costs retries (NFS4ERR_DELAY), never acknowledged data.
 */
class RemoteDataServerTest {
    private static final int UNIT = 64 << 10;
    private static final int CHUNK = 1 << 20;

    @TempDir
    Path dir;
    private TwoNodePnfs nodes;
    private final List<PnfsTestClient> clients = new ArrayList<>();
    private PnfsTestClient mds;

    @BeforeEach
    void start() throws Exception {
        nodes = new TwoNodePnfs(dir, 1, FilesLayoutConfig.defaults().withStripeUnit(UNIT)
                .withAllocationChunk(CHUNK), Duration.ofMinutes(1));
        mds = keep(PnfsTestClient.mount(nodes.mds.address(), "writer"));
    }

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        nodes.close();
    }

    @Test
    void writeThroughRemoteDs_commitThenLayoutCommit_readsBackThroughMdsAndDs_gapsAsZeros() throws Exception {
        Target t = target("remote.bin");
        byte[] a = filled(UNIT, 0x11);
        byte[] b = filled(UNIT, 0x22);
        byte[] c = filled(1000, 0x33);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 0, a)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, UNIT, b)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 4L * UNIT + 100, c)));
        byte[] expected = new byte[4 * UNIT + 1100];
        System.arraycopy(a, 0, expected, 0, UNIT);
        System.arraycopy(b, 0, expected, UNIT, UNIT);
        System.arraycopy(c, 0, expected, 4 * UNIT + 100, 1000);

        Read4Res early = body(ok(t.ds.session(PnfsTestClient.putFh(t.dsFh),
                PnfsTestClient.read(t.open, 0, expected.length))), Op.READ);
        assertThat(early.data).as("read back through the DS before COMMIT").isEqualTo(expected);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.commit()));
        assertThat(nodes.dataServers.get(0).link().reportCalls()).as("three writes, one report batch").isEqualTo(1);
        ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsEndToEndTest.layoutCommit(t.layout.stateid, 0, expected.length, expected.length - 1)));

        Read4Res viaMds = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, 0, 1 << 20))), Op.READ);
        assertThat(viaMds.data.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(viaMds.data, expected)).as("first difference").isEqualTo(-1);
        assertThat(viaMds.eof).isTrue();
        Read4Res viaDs = body(ok(t.ds.session(PnfsTestClient.putFh(t.dsFh),
                PnfsTestClient.read(t.open, 0, 1 << 20))), Op.READ);
        assertThat(viaDs.data.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(viaDs.data, expected)).as("first difference").isEqualTo(-1);
        assertThat(Arrays.copyOfRange(viaDs.data, 2 * UNIT, 4 * UNIT)).as("never written").containsOnly(0);
    }

    @Test
    void dsNodeCachingTheInode_seesEachMdsAllocation_oneAllocationPerChunk() throws Exception {
        Target t = target("chunks.bin");
        InodeId id = t.inode();
        // The first write makes node 1 map the file under its own inode glock (SH, then cached).
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 0, filled(UNIT, 1))));
        long demotesBefore = nodes.dsFs.stats().glockDemotes();

        for (int i = 1; i < 2 * CHUNK / UNIT; i++) {
            ok(t.ds.session(PnfsTestClient.putFh(t.dsFh),
                    PnfsTestClient.write(t.open, (long) i * UNIT, filled(UNIT, i + 1))));
        }

        assertThat(nodes.writePath.allocations()).as("one allocation per 1 MiB chunk").isEqualTo(2);
        assertThat(nodes.dsFs.stats().glockDemotes()).as("the MDS's EX took node 1's cached glock")
                .isGreaterThan(demotesBefore);
        List<Extent> onDsNode = nodes.dsFs.mapRange(id, 0, 2 * CHUNK);
        assertThat(onDsNode).allMatch(e -> e.state() == ExtentState.UNWRITTEN);
        assertThat(onDsNode).isEqualTo(nodes.mdsFs.mapRange(id, 0, 2 * CHUNK));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.commit()));
        ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsEndToEndTest.layoutCommit(t.layout.stateid, 0, 2 * CHUNK, 2 * CHUNK - 1)));
        Read4Res last = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, 2 * CHUNK - UNIT, UNIT))), Op.READ);
        assertThat(last.data).containsOnly(2 * CHUNK / UNIT);
    }

    @Test
    void mdsUnreachable_dsAnswersDelay_andNoAcknowledgedDataIsLost() throws Exception {
        Target t = target("outage.bin");
        byte[] acked = filled(UNIT, 0x0a);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 0, acked)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.commit()));
        byte[] pending = filled(UNIT, 0x0b);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, UNIT, pending)));

        nodes.stopControl();
        byte[] during = filled(UNIT, 0x0c);
        byte[] nextChunk = filled(UNIT, 0x0d);
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, 2L * UNIT, during)));
        CompoundRes4 needsAllocation = t.ds.session(PnfsTestClient.putFh(t.dsFh),
                PnfsTestClient.write(t.open, CHUNK, nextChunk));
        CompoundRes4 commit = t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.commit());
        assertThat(needsAllocation.status).as("a hole needs the MDS").isEqualTo(NfsStat.NFS4ERR_DELAY);
        assertThat(commit.status).as("a COMMIT the MDS cannot hear of").isEqualTo(NfsStat.NFS4ERR_DELAY);

        nodes.restartControl();
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.write(t.open, CHUNK, nextChunk)));
        ok(t.ds.session(PnfsTestClient.putFh(t.dsFh), PnfsTestClient.commit()));
        ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsEndToEndTest.layoutCommit(t.layout.stateid, 0, CHUNK + UNIT, CHUNK + UNIT - 1)));

        Read4Res first = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, 0, CHUNK))), Op.READ);
        Read4Res second = body(ok(mds.session(PnfsTestClient.putFh(t.mdsFh),
                PnfsTestClient.read(t.open, CHUNK, UNIT))), Op.READ);
        assertThat(Arrays.copyOfRange(first.data, 0, UNIT)).isEqualTo(acked);
        assertThat(Arrays.copyOfRange(first.data, UNIT, 2 * UNIT)).isEqualTo(pending);
        assertThat(Arrays.copyOfRange(first.data, 2 * UNIT, 3 * UNIT)).isEqualTo(during);
        assertThat(Arrays.copyOfRange(first.data, 3 * UNIT, CHUNK)).containsOnly(0);
        assertThat(second.data).isEqualTo(nextChunk);
        assertThat(second.eof).isTrue();
    }

    private record Target(PnfsTestClient ds, byte[] mdsFh, byte[] dsFh, Stateid4 open, LayoutGet4Res layout) {
        InodeId inode() throws Exception {
            var inode = FileHandle.fromBytes(mdsFh).inode();
            return new InodeId(inode.number(), inode.generation());
        }
    }

    /** Opens {@code name} on the MDS, takes a READ_WRITE layout, and a session on the remote data server. */
    private Target target(String name) throws Exception {
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate(name), PnfsTestClient.getFh()));
        Stateid4 open = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        LayoutGet4Res layout = PnfsEndToEndTest.layoutGet(mds, new PnfsEndToEndTest.OpenFile(fh, open));
        byte[] dsFh = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()).fhList.get(0).value;
        PnfsTestClient ds = keep(PnfsTestClient.mount(nodes.dataServers.get(0).address(), "writer-" + name));
        return new Target(ds, fh, dsFh, open, layout);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private PnfsTestClient keep(PnfsTestClient c) {
        clients.add(c);
        return c;
    }
}
