package org.gfspnfs.node.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.RecordingCallbacks;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CbCompoundArgs4;
import org.gfspnfs.nfs41.xdr.CbLayoutRecall4Args;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.DeviceError4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FfDataServer4;
import org.gfspnfs.nfs41.xdr.FfDeviceAddr4;
import org.gfspnfs.nfs41.xdr.FfIoErr4;
import org.gfspnfs.nfs41.xdr.FfLayout4;
import org.gfspnfs.nfs41.xdr.FfLayoutReturn4;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Res;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.OptionalStateid4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.gfspnfs.node.daemon.DaemonOptions;
import org.gfspnfs.node.daemon.NodeDaemon;
import org.gfspnfs.node.testing.FreePorts;
import org.gfspnfs.node.testing.PnfsSteps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export's {@code pnfs=} option as a client meets it, on the demo's node (MDS + three data servers over one
 * image): {@code pnfs=flexfiles} hands out flexible files layouts (RFC 8435) that name one data server per file,
 * spread over all three, and whose stateid the data server accepts for WRITE and COMMIT; LAYOUTCOMMIT makes the data
 * visible through the MDS exactly as with files layouts. {@code pnfs=none} hands out no layouts at all.
 */
class FlexFilesExportTest {
    private static final int MIB = 1 << 20;
    private static final int PIECE = PnfsSteps.PIECE;

    @TempDir
    Path dir;
    private final List<Nfs41TestClient> clients = new ArrayList<>();
    private NodeDaemon daemon;

    @AfterEach
    void stop() throws Exception {
        for (Nfs41TestClient c : clients) {
            c.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void flexfilesExport_writeThroughTheLayoutsDataServer_commit_layoutCommit_readsBackThroughMds()
            throws Exception {
        int port = start("flexfiles");
        Nfs41TestClient mds = client(port);
        assertThat(fsLayoutTypes(mds)).as("fs_layout_types of the export").containsExactly(LayoutTypes.FLEX_FILES);

        PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "flex.bin");
        CompoundRes4 files = mds.session(Ops.putFh(f.fh()), layoutGet(LayoutTypes.NFSV4_1_FILES, f.stateid()));
        assertThat(files.status).as("files layout from a flexfiles export").isEqualTo(NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE);

        LayoutGet4Res granted = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutGet(LayoutTypes.FLEX_FILES, f.stateid()))), Op.LAYOUTGET);
        assertThat(granted.layouts.get(0).content.layoutType).isEqualTo(LayoutTypes.FLEX_FILES);
        FfLayout4 layout = XdrBytes.decode(granted.layouts.get(0).content.body, new FfLayout4());
        assertThat(layout.mirrors).as("one mirror").hasSize(1);
        assertThat(layout.mirrors.get(0).dataServers).as("one data server per mirror (Linux 6.1)").hasSize(1);
        FfDataServer4 ds = layout.mirrors.get(0).dataServers.get(0);
        assertThat(ds.fhVersions.get(0).value).as("the MDS handle").isEqualTo(f.fh());
        assertThat(ds.stateid.other).as("tightly coupled: the layout stateid").isEqualTo(granted.stateid.other);
        assertThat(ds.user).matches("\\d+");
        assertThat(ds.group).matches("\\d+");

        FfDeviceAddr4 addr = deviceInfo(mds, ds.deviceId);
        assertThat(addr.versions).hasSize(1);
        assertThat(addr.versions.get(0).version).isEqualTo(4);
        assertThat(addr.versions.get(0).minorVersion).isEqualTo(1);
        assertThat(addr.versions.get(0).tightlyCoupled).isTrue();
        int dsPort = port(addr.netAddrs.addrs.get(0));
        assertThat(dsPort).as("one of the demo's data servers").isBetween(port + 1, port + 3);

        byte[] data = new byte[3 * MIB + 12345];
        new Random(11).nextBytes(data);
        Nfs41TestClient dataServer = client(dsPort);
        for (int off = 0; off < data.length; off += PIECE) {
            byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + PIECE));
            expectOk(dataServer.session(Ops.putFh(ds.fhVersions.get(0).value), Ops.write(ds.stateid, off, 0, chunk)));
        }
        expectOk(dataServer.session(Ops.putFh(ds.fhVersions.get(0).value), Ops.commit(0, 0)));
        LayoutCommit4Res committed = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutCommit(granted.stateid, data.length))), Op.LAYOUTCOMMIT);
        assertThat(committed.newSize).isEqualTo(data.length);
        assertThat(PnfsSteps.sha256(PnfsSteps.readThroughMds(mds, f))).as("read back through the MDS")
                .isEqualTo(PnfsSteps.sha256(data));

        OptionalStateid4 left = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutReturn(granted.stateid, ioErrorReport(ds)))), Op.LAYOUTRETURN);
        assertThat(left.stateid).as("nothing of the file is held after the return").isNull();
        CompoundRes4 late = dataServer.session(Ops.putFh(f.fh()), Ops.write(ds.stateid, 0, 0, new byte[4096]));
        assertThat(late.status).as("DS write under a returned layout's stateid").isNotEqualTo(NfsStat.NFS4_OK);
    }

    @Test
    void flexfilesExport_spreadsFilesOverEveryDataServer() throws Exception {
        int port = start("flexfiles");
        Nfs41TestClient mds = client(port);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "spread-" + i);
            LayoutGet4Res granted = body(expectOk(mds.session(Ops.putFh(f.fh()),
                    layoutGet(LayoutTypes.FLEX_FILES, f.stateid()))), Op.LAYOUTGET);
            FfLayout4 layout = XdrBytes.decode(granted.layouts.get(0).content.body, new FfLayout4());
            used.add(port(deviceInfo(mds, layout.mirrors.get(0).dataServers.get(0).deviceId).netAddrs.addrs.get(0)));
        }
        assertThat(used).as("data servers named by 24 files' layouts").containsExactlyInAnyOrder(port + 1,
                port + 2, port + 3);
    }

    @Test
    void flexfilesReturn_withAMalformedReport_stillReturnsTheLayout() throws Exception {
        int port = start("flexfiles");
        Nfs41TestClient mds = client(port);
        PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "garbage.bin");
        LayoutGet4Res granted = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutGet(LayoutTypes.FLEX_FILES, f.stateid()))), Op.LAYOUTGET);
        byte[] garbage = {0, 0, 0, 7, 1, 2, 3, 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        OptionalStateid4 left = body(expectOk(mds.session(Ops.putFh(f.fh()), layoutReturn(granted.stateid,
                garbage))), Op.LAYOUTRETURN);
        assertThat(left.stateid).isNull();
        LayoutGet4Res again = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutGet(LayoutTypes.FLEX_FILES, f.stateid()))), Op.LAYOUTGET);
        assertThat(again.layouts).as("a new layout after the return").hasSize(1);
    }

    @Test
    void truncateOnTheMds_recallsTheFlexfilesLayout_namingItsTypeAndStateid() throws Exception {
        int port = start("flexfiles");
        RecordingCallbacks callbacks = new RecordingCallbacks();
        Nfs41TestClient mds = Nfs41TestClient.connect(new InetSocketAddress("127.0.0.1", port), "flexfiles-recall",
                0, 0, callbacks).mount();
        clients.add(mds);
        PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "recalled.bin");
        LayoutGet4Res granted = body(expectOk(mds.session(Ops.putFh(f.fh()),
                layoutGet(LayoutTypes.FLEX_FILES, f.stateid()))), Op.LAYOUTGET);

        Fattr4 size = new Fattr4(new int[] {1 << 4}, ByteBuffer.allocate(8).putLong(0, 4096).array());
        mds.sessionNoWait(Ops.putFh(f.fh()), Ops.setattr(f.stateid(), size));
        CbLayoutRecall4Args recall = await().atMost(Duration.ofSeconds(20)).until(() -> recall(callbacks),
                java.util.Objects::nonNull);
        assertThat(recall.layoutType).as("CB_LAYOUTRECALL names the flexfiles type").isEqualTo(LayoutTypes.FLEX_FILES);
        assertThat(recall.fh).isEqualTo(f.fh());
        assertThat(recall.stateid.other).isEqualTo(granted.stateid.other);
    }

    private static CbLayoutRecall4Args recall(RecordingCallbacks callbacks) {
        for (CbCompoundArgs4 cb : callbacks.received()) {
            for (ArgOp4 op : cb.ops) {
                if (op.opnum == CbOp.CB_LAYOUTRECALL) {
                    return (CbLayoutRecall4Args) op.args;
                }
            }
        }
        return null;
    }

    @Test
    void pnfsNoneExport_noLayoutTypes_layoutGetUnavailable_ioThroughMds() throws Exception {
        int port = start("none");
        Nfs41TestClient mds = client(port);
        assertThat(fsLayoutTypes(mds)).as("fs_layout_types of a pnfs=none export").isEmpty();
        PnfsSteps.OpenFile f = PnfsSteps.openCreate(mds, "plain.bin");
        for (int type : new int[] {LayoutTypes.NFSV4_1_FILES, LayoutTypes.FLEX_FILES}) {
            CompoundRes4 r = mds.session(Ops.putFh(f.fh()), layoutGet(type, f.stateid()));
            assertThat(r.status).as("LAYOUTGET type " + type).isEqualTo(NfsStat.NFS4ERR_LAYOUTUNAVAILABLE);
        }
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        for (int off = 0; off < data.length; off += PIECE) {
            expectOk(mds.session(Ops.putFh(f.fh()), Ops.write(f.stateid(), off, 2,
                    Arrays.copyOfRange(data, off, Math.min(data.length, off + PIECE)))));
        }
        assertThat(PnfsSteps.readThroughMds(mds, f)).isEqualTo(data);
    }

    /** The demo's node (MDS + 3 data servers, fresh 64 MiB image) with "/" exported under {@code pnfs=mode}. */
    private int start(String mode) throws Exception {
        int port = FreePorts.range(7);
        DemoSetup setup = new DemoSetup(dir.resolve("node"));
        ClusterConf conf = setup.writeConf(port, 3, DemoSetup.HOST, DemoSetup.HOST);
        setup.ensureKey();
        setup.ensureImage(64L << 20);
        Files.writeString(setup.exportsFile(), "/ 127.0.0.0/8(rw,no_root_squash,sec=sys:none,pnfs=" + mode + ")\n");
        daemon = NodeDaemon.start(DaemonOptions.of(conf, DemoSetup.NODE, setup.exportsFile(),
                DaemonOptions.defaultStateDir(setup.confFile(), DemoSetup.NODE))
                .withExtraDataServers(DemoSetup.extraDataServers(port, 3, DemoSetup.HOST)));
        return port;
    }

    private Nfs41TestClient client(int port) throws IOException {
        Nfs41TestClient c = Nfs41TestClient.connect(new InetSocketAddress("127.0.0.1", port), "flexfiles-test")
                .mount();
        clients.add(c);
        return c;
    }

    /** fs_layout_types (attribute 62) of the root; empty when the server does not return it. */
    private static int[] fsLayoutTypes(Nfs41TestClient mds) throws IOException {
        Fattr4 attrs = body(expectOk(mds.session(Ops.putRootFh(), Ops.getattr(62))), Op.GETATTR);
        if (attrs.attrmask.length < 2 || (attrs.attrmask[1] & (1 << 30)) == 0) {
            return new int[0];   // not offered at all: a server whose exports all say pnfs=none
        }
        ByteBuffer b = ByteBuffer.wrap(attrs.attrVals);
        int[] types = new int[b.getInt()];
        for (int i = 0; i < types.length; i++) {
            types[i] = b.getInt();
        }
        return types;
    }

    private static FfDeviceAddr4 deviceInfo(Nfs41TestClient mds, byte[] deviceId) throws IOException {
        GetDeviceInfo4Res info = body(expectOk(mds.session(new ArgOp4(Op.GETDEVICEINFO,
                new GetDeviceInfo4Args(deviceId, LayoutTypes.FLEX_FILES, 4096, new int[] {0})))), Op.GETDEVICEINFO);
        assertThat(info.deviceAddr.layoutType).isEqualTo(LayoutTypes.FLEX_FILES);
        return XdrBytes.decode(info.deviceAddr.body, new FfDeviceAddr4());
    }

    /** "h1.h2.h3.h4.p1.p2" on 127.0.0.1: the port. */
    private static int port(NetAddr4 a) {
        assertThat(a.netid).isEqualTo("tcp");
        assertThat(a.addr).startsWith("127.0.0.1.");
        String[] p = a.addr.split("\\.");
        return Integer.parseInt(p[4]) * 256 + Integer.parseInt(p[5]);
    }

    private static ArgOp4 layoutGet(int type, Stateid4 open) {
        return new ArgOp4(Op.LAYOUTGET, new LayoutGet4Args(false, type, 2, 0, -1, 0, open, 4096));
    }

    private static ArgOp4 layoutCommit(Stateid4 layoutStateid, long length) {
        LayoutCommit4Args a = new LayoutCommit4Args();
        a.offset = 0;
        a.length = length;
        a.stateid = layoutStateid;
        a.lastWriteOffset = length - 1;
        a.layoutType = LayoutTypes.FLEX_FILES;
        return new ArgOp4(Op.LAYOUTCOMMIT, a);
    }

    private static ArgOp4 layoutReturn(Stateid4 layoutStateid, byte[] body) {
        LayoutReturn4Args a = new LayoutReturn4Args();
        a.layoutType = LayoutTypes.FLEX_FILES;
        a.ioMode = 3;
        a.returnType = LayoutReturn4Args.RETURN_FILE;
        a.offset = 0;
        a.length = -1;
        a.stateid = layoutStateid;
        a.body = body;
        return new ArgOp4(Op.LAYOUTRETURN, a);
    }

    /** ff_layoutreturn4 as the Linux client sends it after a data server failed a WRITE with NFS4ERR_IO. */
    private static byte[] ioErrorReport(FfDataServer4 ds) {
        FfIoErr4 err = new FfIoErr4(0, MIB, ds.stateid, List.of(new DeviceError4(ds.deviceId, NfsStat.NFS4ERR_IO,
                Op.WRITE)));
        return XdrBytes.encode(new FfLayoutReturn4(List.of(err), List.of()));
    }
}
