package org.gfspnfs.node.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Res;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.NetAddr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * What a pNFS client does, step by step, with the nfs41 test client (RFC 8881 chapter 13): open, LAYOUTGET,
 * GETDEVICEINFO, WRITE to the data servers in stripe order, COMMIT, LAYOUTCOMMIT, READ back through the MDS.
 */
public final class PnfsSteps {
    /** WRITE/READ size: the test client's session takes requests well under the 1 MiB stripe unit. */
    public static final int PIECE = 64 << 10;

    private PnfsSteps() {
    }

    /** An open file: its filehandle and open stateid. */
    public record OpenFile(byte[] fh, Stateid4 stateid) {
    }

    public static OpenFile openCreate(Nfs41TestClient mds, String name) throws IOException {
        CompoundRes4 r = expectOk(mds.session(Ops.putRootFh(), Ops.open(mds.clientId(), "o", name, 3, 0, 0,
                new Fattr4(new int[0], new byte[0]), null), Ops.getFh()));
        Open4Res open = body(r, Op.OPEN);
        NfsFh4 fh = body(r, Op.GETFH);
        return new OpenFile(fh.value, open.stateid);
    }

    /** GETDEVICEINFO: the data servers' ports in stripe-index order, all on 127.0.0.1. */
    public static List<Integer> dataServerPorts(Nfs41TestClient mds, byte[] deviceId) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (String a : dataServerAddresses(mds, deviceId)) {
            assertThat(a).startsWith("127.0.0.1:");
            ports.add(Integer.parseInt(a.substring(a.indexOf(':') + 1)));
        }
        return ports;
    }

    /** GETDEVICEINFO: "ip:port" of the data servers in stripe-index order (netaddr4 is h1.h2.h3.h4.p1.p2). */
    public static List<String> dataServerAddresses(Nfs41TestClient mds, byte[] deviceId) throws IOException {
        GetDeviceInfo4Res info = body(expectOk(mds.session(new ArgOp4(Op.GETDEVICEINFO,
                new GetDeviceInfo4Args(deviceId, LayoutTypes.NFSV4_1_FILES, 4096, new int[] {0})))),
                Op.GETDEVICEINFO);
        FileLayoutDsAddr4 addr = XdrBytes.decode(info.deviceAddr.body, new FileLayoutDsAddr4());
        List<String> out = new ArrayList<>();
        for (int index : addr.stripeIndices) {
            NetAddr4 na = addr.dsList.get(index).addrs.get(0);
            assertThat(na.netid).isEqualTo("tcp");
            String[] parts = na.addr.split("\\.");
            out.add(String.join(".", Arrays.copyOf(parts, 4)) + ":"
                    + (Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5])));
        }
        return out;
    }

    public static ArgOp4 layoutCommit(Stateid4 layoutStateid, long length) {
        LayoutCommit4Args a = new LayoutCommit4Args();
        a.offset = 0;
        a.length = length;
        a.stateid = layoutStateid;
        a.lastWriteOffset = length - 1;
        a.layoutType = LayoutTypes.NFSV4_1_FILES;
        return new ArgOp4(Op.LAYOUTCOMMIT, a);
    }

    public static byte[] readThroughMds(Nfs41TestClient mds, OpenFile f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            Read4Res r = body(expectOk(mds.session(Ops.putFh(f.fh()), Ops.read(f.stateid(), out.size(), PIECE))),
                    Op.READ);
            out.write(r.data);
            if (r.eof || r.data.length == 0) {
                return out.toByteArray();
            }
        }
    }

    public static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }


    /** LAYOUTGET of the whole file for read-write (iomode 2): the layout stateid and the files layout. */
    public static Layout layoutGetRw(Nfs41TestClient mds, OpenFile f) throws IOException {
        LayoutGet4Res layout = body(expectOk(mds.session(Ops.putFh(f.fh()), new ArgOp4(Op.LAYOUTGET,
                new LayoutGet4Args(false, LayoutTypes.NFSV4_1_FILES, 2, 0, -1, 0, f.stateid(), 4096)))),
                Op.LAYOUTGET);
        return new Layout(layout.stateid, XdrBytes.decode(layout.layouts.get(0).content.body, new FileLayout4()));
    }

    /** A granted files layout. */
    public record Layout(Stateid4 stateid, FileLayout4 files) {
        /** The stripe unit in bytes (nfl_util without its flag bits). */
        public int stripeUnit() {
            return files.util & 0xFFFFFFC0;
        }
    }

    /**
     * Writes {@code data} from offset 0 in {@link #PIECE} pieces to the data server that owns each stripe unit
     * (sparse packing: the file offset is the DS offset), UNSTABLE, then COMMITs on every data server.
     */
    public static void writeStriped(List<Nfs41TestClient> dataServers, Layout layout, OpenFile f, byte[] data)
            throws IOException {
        byte[] dsFh = layout.files().fhList.get(0).value;
        int unit = layout.stripeUnit();
        for (int off = 0; off < data.length; off += PIECE) {
            byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + PIECE));
            expectOk(dataServers.get((off / unit) % dataServers.size()).session(Ops.putFh(dsFh),
                    Ops.write(f.stateid(), off, 0, chunk)));
        }
        for (Nfs41TestClient d : dataServers) {
            expectOk(d.session(Ops.putFh(dsFh), Ops.commit(0, 0)));
        }
    }
}
