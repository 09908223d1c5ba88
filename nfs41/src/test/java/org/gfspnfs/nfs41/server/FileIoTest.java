package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.transport.SlabPool;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.CreateSession4Res;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.Verifier4;
import org.gfspnfs.nfs41.xdr.Write4Res;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mount-and-I/O path the Linux client takes, over TCP against the real server. */
class FileIoTest {
    private TestServer server;
    private Nfs41TestClient client;
    private byte[] exportFh;

    @BeforeEach
    void mount() throws Exception {
        server = TestServer.start();
        client = Nfs41TestClient.connect(server.address(), "io-client").mount();
        CompoundRes4 r = expectOk(client.session(Ops.putRootFh(), Ops.lookup("export"), Ops.getFh(),
                Ops.getattr(Attr.TYPE, Attr.FILEID)));
        exportFh = ((NfsFh4) body(r, Op.GETFH)).value;
    }

    @AfterEach
    void unmount() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void createWriteReadClose_dataComesBackAndStateIsReleased() throws Exception {
        byte[] data = "hello, pNFS".getBytes(StandardCharsets.UTF_8);
        // OPEN4_SHARE_ACCESS_WANT_NO_DELEG: no write delegation, which would outlive the CLOSE counted below.
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "owner1", "f", 3 | 0x0400, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644),
                        null),
                Ops.getFh()));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;

        Write4Res w = body(expectOk(client.session(Ops.putFh(fh), Ops.write(sid, 0, 0, data))), Op.WRITE);
        assertThat(w.count).isEqualTo(data.length);
        Verifier4 c = body(expectOk(client.session(Ops.putFh(fh), Ops.commit(0, 0))), Op.COMMIT);
        assertThat(c.value).isEqualTo(w.verifier);

        Read4Res rd = body(expectOk(client.session(Ops.putFh(fh), Ops.read(sid, 0, 1000))), Op.READ);
        assertThat(rd.data).isEqualTo(data);
        assertThat(rd.eof).isTrue();

        expectOk(client.session(Ops.putFh(fh), Ops.close(sid)));
        assertThat(server.server().services().states().totalStates()).isZero();
        CompoundRes4 stale = client.session(Ops.putFh(fh), Ops.read(sid, 0, 10));
        assertThat(stale.status).isEqualTo(NfsStat.NFS4ERR_BAD_STATEID);
    }

    @Test
    void writeChangesSizeAndChangeAttribute() throws Exception {
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "g", 2, 0, Open4Args.GUARDED4, AttrValues.mode(0600), null),
                Ops.getFh(), Ops.getattr(Attr.CHANGE, Attr.SIZE)));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        AttrValues before = AttrValues.decode(body(r, Op.GETATTR));

        CompoundRes4 after = expectOk(client.session(Ops.putFh(fh), Ops.write(sid, 100, 2, new byte[10]),
                Ops.getattr(Attr.CHANGE, Attr.SIZE)));
        AttrValues now = AttrValues.decode(body(after, Op.GETATTR));
        assertThat(now.size()).isEqualTo(110);
        assertThat(now.change()).isGreaterThan(before.change());
    }

    @Test
    void largeOddSizedWrites_inOneCompound_readBackByteForByte() throws Exception {
        // 600 KiB + 3 arrives over TCP in many pieces; the second WRITE and the GETATTR after it only decode right
        // if the first payload's XDR padding was skipped.
        byte[] big = new byte[600 * 1024 + 3];
        new java.util.Random(42).nextBytes(big);
        byte[] tail = {1, 2, 3, 4, 5};
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "big", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.getFh()));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;

        CompoundRes4 w = expectOk(client.session(Ops.putFh(fh), Ops.write(sid, 0, 0, big),
                Ops.write(sid, big.length, 0, tail), Ops.getattr(Attr.SIZE)));
        assertThat(AttrValues.decode(body(w, Op.GETATTR)).size()).isEqualTo(big.length + tail.length);

        Read4Res first = body(expectOk(client.session(Ops.putFh(fh), Ops.read(sid, 0, big.length))), Op.READ);
        Read4Res rest = body(expectOk(client.session(Ops.putFh(fh), Ops.read(sid, big.length, 100))), Op.READ);
        assertThat(first.data).isEqualTo(big);
        assertThat(first.eof).isFalse();
        assertThat(rest.data).isEqualTo(tail);
        assertThat(rest.eof).isTrue();
    }

    @Test
    void readsSentFromWhereTheBytesLie_arriveWhole_inAnyPlaceOfTheCompound_andAreReleased() throws Exception {
        server.fs().sendReadsInPlace(64 * 1024);
        int io = 512 * 1024;   // within the session's request and reply limits
        byte[] big = new byte[3 * 1024 * 1024 + 2];   // odd length: the last reply carries XDR padding
        new java.util.Random(7).nextBytes(big);
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "inplace", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.getFh()));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        for (int off = 0; off < big.length; off += io) {
            int n = Math.min(io, big.length - off);
            expectOk(client.session(Ops.putFh(fh), Ops.write(sid, off, 0, Arrays.copyOfRange(big, off, off + n))));
        }

        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        for (int off = 0; off < big.length; off += io) {
            Read4Res rd = body(expectOk(client.session(Ops.putFh(fh), Ops.read(sid, off, io))), Op.READ);
            got.write(rd.data);
            assertThat(rd.eof).isEqualTo(off + io >= big.length);
        }
        assertThat(got.toByteArray()).as("READ as the last operation: sent from the payload").isEqualTo(big);

        // Not last: the payload cannot go after the results that follow it, so it is copied into the reply.
        CompoundRes4 mid = expectOk(client.session(Ops.putFh(fh), Ops.read(sid, io, io),
                Ops.getattr(Attr.SIZE)));
        assertThat(((Read4Res) body(mid, Op.READ)).data).isEqualTo(Arrays.copyOfRange(big, io, 2 * io));
        assertThat(AttrValues.decode(body(mid, Op.GETATTR)).size()).isEqualTo(big.length);

        assertThat(server.fs().payloadsIssued()).isEqualTo(8);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.fs().payloadsOutstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.fs().payloadsOutstanding()).as("every payload released once its reply was written")
                .isZero();
    }

    @Test
    void guardedCreateOfExistingFile_isExist() throws Exception {
        expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "x", 3, 0, Open4Args.GUARDED4, AttrValues.mode(0644), null)));
        CompoundRes4 again = client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "x", 3, 0, Open4Args.GUARDED4, AttrValues.mode(0644), null));
        assertThat(again.status).isEqualTo(NfsStat.NFS4ERR_EXIST);
    }

    @Test
    void exclusiveCreateRetry_findsItsOwnFile() throws Exception {
        byte[] verf = {9, 8, 7, 6, 5, 4, 3, 2};
        Fattr4 none = new Fattr4(new int[0], new byte[0]);
        expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "ex", 3, 0, Open4Args.EXCLUSIVE4_1, none, verf)));
        CompoundRes4 retry = client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "ex", 3, 0, Open4Args.EXCLUSIVE4_1, none, verf));
        assertThat(retry.status).isEqualTo(NfsStat.NFS4_OK);
        CompoundRes4 other = client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "ex", 3, 0, Open4Args.EXCLUSIVE4_1, none, new byte[8]));
        assertThat(other.status).isEqualTo(NfsStat.NFS4ERR_EXIST);
    }

    @Test
    void openWithoutCreateOfMissingFile_isNoEnt() throws Exception {
        CompoundRes4 r = client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "missing", 1, 0, -1, null, null));
        assertThat(r.status).isEqualTo(NfsStat.NFS4ERR_NOENT);
    }

    @Test
    void read_fillsTheReplySizeTheClientNegotiated_notShortOfIt() throws Exception {
        int rsize = 1 << 20;
        byte[] data = new byte[rsize + 4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "big", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.getFh()));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        for (int off = 0; off < data.length; off += 256 << 10) {
            byte[] part = Arrays.copyOfRange(data, off, Math.min(data.length, off + (256 << 10)));
            expectOk(client.session(Ops.putFh(fh), Ops.write(sid, off, 2, part)));
        }

        // What the Linux client asks for: its rsize plus the overhead it counts for its own READ compound.
        byte[] linux = sessionWith(rsize + 1044, rsize + 904);
        CompoundRes4 full = expectOk(client.compound(Ops.sequence(linux, 1, 0, false), Ops.putFh(fh),
                Ops.read(sid, 0, rsize)));
        Read4Res whole = body(full, Op.READ);
        assertThat(whole.data).as("one READ of rsize bytes, not a short one and a second for the rest")
                .hasSize(rsize).isEqualTo(Arrays.copyOf(data, rsize));

        // A session that cannot carry rsize: the READ is as long as the reply has room for, and no longer.
        int small = 64 << 10;
        byte[] tight = sessionWith(small, small);
        CompoundRes4 cut = expectOk(client.compound(Ops.sequence(tight, 1, 0, false), Ops.putFh(fh),
                Ops.read(sid, 4096, rsize)));
        Read4Res part = body(cut, Op.READ);
        assertThat(part.data.length).isLessThan(small).isGreaterThan(small - 256);
        assertThat(part.data).isEqualTo(Arrays.copyOfRange(data, 4096, 4096 + part.data.length));
        assertThat(part.eof).isFalse();
        CompoundRes4 after = client.compound(Ops.sequence(tight, 2, 0, false), Ops.putFh(fh),
                Ops.read(sid, 4096, rsize), Ops.getattr(Attr.SIZE));
        assertThat(after.status).as("the READ took all the room there was: nothing fits after it")
                .isEqualTo(NfsStat.NFS4ERR_REP_TOO_BIG);
    }

    @Test
    void mebibyteWrites_comeBackIntact_andTheirRequestMemoryIsReusedAndHandedBack() throws Exception {
        CompoundRes4 r = expectOk(client.session(Ops.putFh(exportFh),
                Ops.open(client.clientId(), "o", "stream", 3, 0, Open4Args.UNCHECKED4, AttrValues.mode(0644), null),
                Ops.getFh()));
        Stateid4 sid = ((Open4Res) body(r, Op.OPEN)).stateid;
        byte[] fh = ((NfsFh4) body(r, Op.GETFH)).value;
        int mib = 1 << 20;
        int writes = 48;
        byte[] big = sessionWith(mib + 4096, mib + 4096);
        int seq = 0;
        for (int i = 0; i < writes; i++) {
            byte[] part = new byte[mib];
            Arrays.fill(part, (byte) (i * 7 + 1));
            part[i] = (byte) -i;
            Write4Res w = body(expectOk(client.compound(Ops.sequence(big, ++seq, 0, false), Ops.putFh(fh),
                    Ops.write(sid, (long) i * mib, 0, part))), Op.WRITE);
            assertThat(w.count).isEqualTo(mib);
        }
        for (int i = 0; i < writes; i++) {
            Read4Res rd = body(expectOk(client.compound(Ops.sequence(big, ++seq, 0, false), Ops.putFh(fh),
                    Ops.read(sid, (long) i * mib, mib))), Op.READ);
            byte[] want = new byte[mib];
            Arrays.fill(want, (byte) (i * 7 + 1));
            want[i] = (byte) -i;
            assertThat(rd.data).as("MiB %d", i).isEqualTo(want);
        }
        SlabPool requests = server.server().requestMemory();
        assertThat(requests.slabsMade()).as("%d MiB of WRITEs read into a few reused slabs", writes)
                .isLessThanOrEqualTo(4);
        assertThat(requests.slabsFree()).as("every answered request handed its memory back")
                .isEqualTo((int) requests.slabsMade());
    }

    private byte[] sessionWith(int maxRequest, int maxResponse) throws Exception {
        int seq = client.exchangeId().sequenceId;
        ChannelAttrs4 fore = new ChannelAttrs4(0, maxRequest, maxResponse, 4096, 8, 4, new int[0]);
        CompoundRes4 cs = expectOk(client.compound(Ops.createSession(client.clientId(), seq,
                Nfs41TestClient.CB_PROGRAM, fore)));
        return ((CreateSession4Res) cs.results.get(0).body).sessionId;
    }
}
