package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.ds.PnfsTestClient.body;
import static org.gfspnfs.ds.PnfsTestClient.ok;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gfspnfs.mds.layout.FilesLayoutConfig;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Res;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Res;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.OptionalStateid4;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client writes a file through three data servers in stripe order and reads it back through the MDS, over real
 * servers on 127.0.0.1 and one gfs image.
 */
class PnfsEndToEndTest {
    private static final int UNIT = 64 << 10;

    @TempDir
    Path dir;
    private InProcessPnfs pnfs;
    private final List<PnfsTestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pnfs = InProcessPnfs.start(dir, 3, FilesLayoutConfig.defaults().withStripeUnit(UNIT)
                .withAllocationChunk(1 << 20));
    }

    @AfterEach
    void stop() throws Exception {
        for (PnfsTestClient c : clients) {
            c.close();
        }
        pnfs.close();
    }

    @Test
    void stripedWrite_throughThreeDataServers_readsBackThroughMds() throws Exception {
        PnfsTestClient mds = client(pnfs.mds.address(), "e2e");
        assertThat(mds.exchangeFlags() & 0x00020000).as("EXCHGID4_FLAG_USE_PNFS_MDS").isNotZero();
        OpenFile f = open(mds, "striped.bin");

        LayoutGet4Res layout = layoutGet(mds, f);
        assertThat(layout.layouts).hasSize(1);
        FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
        assertThat(fl.util & 0xFFFFFFC0).as("stripe unit").isEqualTo(UNIT);
        assertThat(fl.util & 0x3).as("sparse, commit through data servers").isZero();
        List<PnfsTestClient> ds = dataServers(mds, fl.deviceId);
        assertThat(ds).hasSize(3);
        byte[] dsFh = fl.fhList.get(0).value;

        byte[] data = new byte[3 * (1 << 20) + 12345];
        new Random(42).nextBytes(data);
        for (long off = 0; off < data.length; off += UNIT) {
            int len = (int) Math.min(UNIT, data.length - off);
            byte[] chunk = java.util.Arrays.copyOfRange(data, (int) off, (int) off + len);
            PnfsTestClient target = ds.get((int) ((off / UNIT) % 3));
            ok(target.session(PnfsTestClient.putFh(dsFh), PnfsTestClient.write(f.stateid, off, chunk)));
        }
        for (PnfsTestClient d : ds) {
            ok(d.session(PnfsTestClient.putFh(dsFh), PnfsTestClient.commit()));
        }
        assertThat(readAll(mds, f, Long.MAX_VALUE)).as("nothing visible before LAYOUTCOMMIT").isEmpty();

        LayoutCommit4Res committed = body(ok(mds.session(PnfsTestClient.putFh(f.fh),
                layoutCommit(layout.stateid, 0, data.length, data.length - 1L))), Op.LAYOUTCOMMIT);
        assertThat(committed.newSize).isEqualTo((long) data.length);

        assertThat(sha256(readAll(mds, f, data.length))).isEqualTo(sha256(data));
        OptionalStateid4 returned = body(ok(mds.session(PnfsTestClient.putFh(f.fh),
                layoutReturn(layout.stateid))), Op.LAYOUTRETURN);
        assertThat(returned.stateid).as("nothing of the file held any more").isNull();
        assertThat(pnfs.table.all()).isEmpty();
    }

    @Test
    void repeatedLayoutCommit_withZeroLength_likeTheLinuxClient_isAccepted() throws Exception {
        PnfsTestClient mds = client(pnfs.mds.address(), "lc0");
        OpenFile f = open(mds, "recommit.bin");
        LayoutGet4Res layout = layoutGet(mds, f);
        FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
        List<PnfsTestClient> ds = dataServers(mds, fl.deviceId);
        byte[] data = new byte[4096];
        new Random(7).nextBytes(data);
        ok(ds.get(0).session(PnfsTestClient.putFh(fl.fhList.get(0).value), PnfsTestClient.write(f.stateid, 0, data)));
        ok(ds.get(0).session(PnfsTestClient.putFh(fl.fhList.get(0).value), PnfsTestClient.commit()));
        ok(mds.session(PnfsTestClient.putFh(f.fh), layoutCommit(layout.stateid, 0, data.length, data.length - 1L)));

        // Nothing written since: the Linux client then sends offset 0, length 0 (its last byte written wrapped).
        LayoutCommit4Res again = body(ok(mds.session(PnfsTestClient.putFh(f.fh),
                layoutCommit(layout.stateid, 0, 0, data.length - 1L))), Op.LAYOUTCOMMIT);

        assertThat(again.newSize).as("size unchanged").isNull();
        assertThat(sha256(readAll(mds, f, data.length))).isEqualTo(sha256(data));
    }

    @Test
    void dataServerRead_beforeLayoutCommit_seesWrittenStripesAndZerosInGaps() throws Exception {
        PnfsTestClient mds = client(pnfs.mds.address(), "gaps");
        OpenFile f = open(mds, "gaps.bin");
        LayoutGet4Res layout = layoutGet(mds, f);
        FileLayout4 fl = XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4());
        List<PnfsTestClient> ds = dataServers(mds, fl.deviceId);
        byte[] dsFh = fl.fhList.get(0).value;
        byte[] stripe = new byte[100];
        java.util.Arrays.fill(stripe, (byte) 0x5a);
        // stripe 0 (DS 0) gets 100 bytes; stripe 1 (DS 1) is never written; stripe 2 (DS 2) gets 100 bytes.
        ok(ds.get(0).session(PnfsTestClient.putFh(dsFh), PnfsTestClient.write(f.stateid, 0, stripe)));
        ok(ds.get(2).session(PnfsTestClient.putFh(dsFh), PnfsTestClient.write(f.stateid, 2L * UNIT, stripe)));

        Read4Res own = body(ok(ds.get(0).session(PnfsTestClient.putFh(dsFh),
                PnfsTestClient.read(f.stateid, 0, 200))), Op.READ);
        assertThat(java.util.Arrays.copyOfRange(own.data, 0, 100)).isEqualTo(stripe);
        assertThat(java.util.Arrays.copyOfRange(own.data, 100, 200)).as("rest of the block").containsOnly(0);
        Read4Res gap = body(ok(ds.get(1).session(PnfsTestClient.putFh(dsFh),
                PnfsTestClient.read(f.stateid, UNIT, UNIT))), Op.READ);
        assertThat(gap.data).hasSize(UNIT).containsOnly(0);

        ok(mds.session(PnfsTestClient.putFh(f.fh), layoutCommit(layout.stateid, 0, 3L * UNIT, 2L * UNIT + 99)));
        byte[] all = readAll(mds, f, 2L * UNIT + 100);
        assertThat(all).hasSize(2 * UNIT + 100);
        assertThat(java.util.Arrays.copyOfRange(all, UNIT, 2 * UNIT)).as("unwritten stripe").containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(all, 2 * UNIT, 2 * UNIT + 100)).isEqualTo(stripe);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    record OpenFile(byte[] fh, Stateid4 stateid) {
    }

    private PnfsTestClient client(InetSocketAddress address, String owner) throws Exception {
        PnfsTestClient c = PnfsTestClient.mount(address, owner);
        clients.add(c);
        return c;
    }

    private static OpenFile open(PnfsTestClient mds, String name) throws Exception {
        CompoundRes4 r = ok(mds.session(PnfsTestClient.putRootFh(), PnfsTestClient.lookup("export"),
                mds.openCreate(name), PnfsTestClient.getFh()));
        Open4Res open = body(r, Op.OPEN);
        NfsFh4 fh = body(r, Op.GETFH);
        return new OpenFile(fh.value, open.stateid);
    }

    static LayoutGet4Res layoutGet(PnfsTestClient mds, OpenFile f) throws Exception {
        LayoutGet4Args a = new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid, 4096);
        return body(ok(mds.session(PnfsTestClient.putFh(f.fh), new ArgOp4(Op.LAYOUTGET, a))), Op.LAYOUTGET);
    }

    /** GETDEVICEINFO, then one session per data server in stripe index order. */
    private List<PnfsTestClient> dataServers(PnfsTestClient mds, byte[] deviceId) throws Exception {
        GetDeviceInfo4Args a = new GetDeviceInfo4Args(deviceId, LayoutTypes.NFSV4_1_FILES, 4096,
                new int[] {(1 << 1) | (1 << 2)});
        GetDeviceInfo4Res info = body(ok(mds.session(new ArgOp4(Op.GETDEVICEINFO, a))), Op.GETDEVICEINFO);
        assertThat(info.notification[0]).as("device change and delete notifications").isEqualTo(6);
        FileLayoutDsAddr4 addr = XdrBytes.decode(info.deviceAddr.body, new FileLayoutDsAddr4());
        List<PnfsTestClient> out = new ArrayList<>();
        for (int index : addr.stripeIndices) {
            NetAddr4 na = addr.dsList.get(index).addrs.get(0);
            assertThat(na.netid).isEqualTo("tcp");
            String[] parts = na.addr.split("\\.");
            int port = Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5]);
            PnfsTestClient ds = client(new InetSocketAddress("127.0.0.1", port), "e2e-ds");
            assertThat(ds.exchangeFlags() & 0x00040000).as("EXCHGID4_FLAG_USE_PNFS_DS").isNotZero();
            out.add(ds);
        }
        return out;
    }

    static ArgOp4 layoutCommit(Stateid4 layoutStateid, long offset, long length, long lastWrite) {
        LayoutCommit4Args a = new LayoutCommit4Args();
        a.offset = offset;
        a.length = length;
        a.stateid = layoutStateid;
        a.lastWriteOffset = lastWrite;
        a.layoutType = LayoutTypes.NFSV4_1_FILES;
        return new ArgOp4(Op.LAYOUTCOMMIT, a);
    }

    static ArgOp4 layoutReturn(Stateid4 layoutStateid) {
        LayoutReturn4Args a = new LayoutReturn4Args();
        a.layoutType = LayoutTypes.NFSV4_1_FILES;
        a.ioMode = 3;
        a.returnType = LayoutReturn4Args.RETURN_FILE;
        a.offset = 0;
        a.length = -1;
        a.stateid = layoutStateid;
        return new ArgOp4(Op.LAYOUTRETURN, a);
    }

    /** Reads through the MDS until EOF (or {@code limit} bytes). */
    private static byte[] readAll(PnfsTestClient mds, OpenFile f, long limit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long off = 0;
        while (off < limit) {
            CompoundRes4 r = mds.session(PnfsTestClient.putFh(f.fh), PnfsTestClient.read(f.stateid, off, 1 << 20));
            assertThat(r.status).isEqualTo(NfsStat.NFS4_OK);
            Read4Res res = body(r, Op.READ);
            out.write(res.data);
            off += res.data.length;
            if (res.eof || res.data.length == 0) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
