package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.Layout4;
import org.gfspnfs.nfs41.xdr.LayoutGet4Res;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * {@link FileIo} through a files layout: LAYOUTGET on the metadata server (segments fetched as the I/O reaches
 * them), READ/WRITE to the data server the stripe math names with the open stateid (RFC 8881 section 13.9.1),
 * COMMIT to each data server written (or to the MDS when NFL4_UFLG_COMMIT_THRU_MDS is set), LAYOUTCOMMIT, and
 * LAYOUTRETURN before CLOSE. No data goes to the metadata server.
 */
final class PnfsFileIo implements FileIo {
    /** One granted layout segment with its stripe math resolved against its device. */
    private record Segment(long offset, long length, FileLayout4 layout, StripeMath math, FilesDevice device) {
        boolean covers(long at) {
            return at >= offset && (length == NfsOps.ALL_ONES || at - offset < length);
        }
    }

    /** A data server and file handle that received writes (to COMMIT). */
    private record Written(int dataServer, int fhIndex, Segment segment) {
    }

    private final PnfsClient pnfs;
    private final OpenFile file;
    private final int ioMode;
    private final List<Segment> segments = new ArrayList<>();
    private final Set<Written> written = new LinkedHashSet<>();
    private Stateid4 layoutStateid;

    private PnfsFileIo(PnfsClient pnfs, OpenFile file, int ioMode) {
        this.pnfs = pnfs;
        this.file = file;
        this.ioMode = ioMode;
    }

    static PnfsFileIo open(PnfsClient pnfs, OpenFile file, int ioMode) throws IOException {
        PnfsFileIo io = new PnfsFileIo(pnfs, file, ioMode);
        try {
            io.segment(0);
        } catch (IOException | RuntimeException e) {
            pnfs.mds().close(file);
            throw e;
        }
        return io;
    }

    /** The segment covering {@code at}, with a LAYOUTGET from {@code at} to end of file if none does. */
    private synchronized Segment segment(long at) throws IOException {
        for (Segment s : segments) {
            if (s.covers(at)) {
                return s;
            }
        }
        Stateid4 sid = layoutStateid != null ? layoutStateid : file.stateid();
        CompoundRes4 r = pnfs.mds().session().call(NfsOps.putFh(file.fh()),
                NfsOps.layoutGet(sid, ioMode, at, NfsOps.ALL_ONES, 0, 64 << 10));
        LayoutGet4Res res = FileClient.body(r, Op.LAYOUTGET);
        layoutStateid = res.stateid;
        for (Layout4 l : res.layouts) {
            if (l.content.layoutType != NfsOps.LAYOUT4_NFSV4_1_FILES) {
                throw new IOException("LAYOUTGET returned layout type " + l.content.layoutType);
            }
            FileLayout4 body = XdrBytes.decode(l.content.body, new FileLayout4());
            FilesDevice device = pnfs.device(body.deviceId);
            StripeMath math = StripeMath.of(body.util, body.firstStripeIndex, body.patternOffset,
                    device.stripeIndices(), body.fhList.size());
            segments.add(new Segment(l.offset, l.length, body, math, device));
        }
        for (Segment s : segments) {
            if (s.covers(at)) {
                return s;
            }
        }
        throw new IOException("LAYOUTGET at offset " + at + " returned no segment covering it");
    }

    /** Runs {@code op} on each stripe-unit-bounded piece of {@code [offset, offset + count)}. */
    private interface Piece<T> {
        CompletableFuture<T> run(FileClient ds, byte[] fh, long dsOffset, int from, int length) throws IOException;
    }

    private <T> List<CompletableFuture<T>> split(long offset, int count, boolean write, Piece<T> op)
            throws IOException {
        List<CompletableFuture<T>> parts = new ArrayList<>(1);
        int done = 0;
        while (done < count) {
            long at = offset + done;
            Segment s = segment(at);
            int len = (int) Math.min(count - done, s.math().bytesToStripeEnd(at));
            int dsIndex = s.math().dataServer(at);
            int fhIndex = s.math().fileHandle(at);
            FileClient ds = pnfs.dataServer(s.device().dataServers().get(dsIndex));
            if (write) {
                synchronized (this) {
                    written.add(new Written(dsIndex, fhIndex, s));
                }
            }
            parts.add(op.run(ds, s.layout().fhList.get(fhIndex).value, s.math().dataServerOffset(at), done, len));
            done += len;
        }
        return parts;
    }

    @Override
    public CompletableFuture<Integer> write(long offset, ByteBuffer data) throws IOException {
        int at = data.position();
        List<CompletableFuture<Integer>> parts = split(offset, data.remaining(), true, (ds, fh, dsOffset, from, len) ->
                ds.write(fh, file.stateid(), dsOffset, data.duplicate().position(at + from).limit(at + from + len)
                        .slice(), NfsOps.UNSTABLE4));
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> parts.stream().mapToInt(CompletableFuture::join).sum());
    }

    @Override
    public CompletableFuture<ReadData> read(long offset, int count) throws IOException {
        List<CompletableFuture<Read4Res>> parts = split(offset, count, false, (ds, fh, dsOffset, from, len) ->
                ds.read(fh, file.stateid(), dsOffset, len));
        if (parts.size() == 1) {
            return parts.get(0).thenApply(r -> new ReadData(r.bytes(), r::release));
        }
        // Pieces from several data servers: joined into one buffer, each piece let go once copied (or on failure).
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).handle((v, failure) -> {
            ByteBuffer joined = failure == null ? ByteBuffer.allocate(count) : null;
            for (CompletableFuture<Read4Res> p : parts) {
                if (!p.isCompletedExceptionally()) {
                    Read4Res r = p.join();
                    if (joined != null) {
                        joined.put(r.bytes());
                    }
                    r.release();
                }
            }
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            return new ReadData(joined.flip(), () -> { });
        });
    }

    @Override
    public void commit(long size) throws IOException {
        List<Written> targets;
        synchronized (this) {
            targets = new ArrayList<>(written);
        }
        for (Written w : targets) {
            byte[] fh = w.segment().layout().fhList.get(w.fhIndex()).value;
            if ((w.segment().layout().util & StripeMath.NFL4_UFLG_COMMIT_THRU_MDS) != 0) {
                pnfs.mds().commit(file.fh());
            } else {
                pnfs.dataServer(w.segment().device().dataServers().get(w.dataServer())).commit(fh);
            }
        }
        if (!targets.isEmpty()) {
            pnfs.mds().session().call(NfsOps.putFh(file.fh()), NfsOps.layoutCommit(layoutStateid, size));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (layoutStateid != null) {
                pnfs.mds().session().call(NfsOps.putFh(file.fh()), NfsOps.layoutReturn(layoutStateid));
            }
        } finally {
            pnfs.mds().close(file);
        }
    }
}
