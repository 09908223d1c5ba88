package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.gfspnfs.nfs41.xdr.Entry4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Res;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Readdir4Res;
import org.gfspnfs.nfs41.xdr.ResOp4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.Write4Res;

/**
 * File operations over one {@link NfsSession}, each a COMPOUND of PUTFH + the operation as a client sends them
 * (RFC 8881 chapter 18). The asynchronous ones return futures so a caller can keep many in flight; all failures
 * are {@link NfsStatusException}s naming the status and the operation. Counts the READ/WRITE payload bytes it
 * moves, so a pNFS run can show how much data went through the metadata server.
 */
public final class FileClient {
    /** The directory entry callback of {@link #readdir}: the name's bytes and attributes (valid during the call). */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(byte[] name, EntryAttrs attrs) throws IOException;
    }

    private final NfsSession session;
    private final AtomicLong dataBytes = new AtomicLong();

    public FileClient(NfsSession session) {
        this.session = session;
    }

    public NfsSession session() {
        return session;
    }

    /** READ and WRITE payload bytes moved through this session so far. */
    public long dataBytes() {
        return dataBytes.get();
    }

    /** PUTROOTFH and a LOOKUP per component of an absolute path; the file handle. */
    public byte[] lookupPath(String path) throws IOException {
        java.util.List<ArgOp4> ops = new java.util.ArrayList<>();
        ops.add(NfsOps.putRootFh());
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                ops.add(NfsOps.lookup(c));
            }
        }
        ops.add(NfsOps.getFh());
        return fh(session.call(ops.toArray(new ArgOp4[0])));
    }

    /** The directory {@code name} in {@code dir}, created (mode 0755) if it does not exist. */
    public byte[] mkdirs(byte[] dir, String name) throws IOException {
        try {
            return fh(session.call(NfsOps.putFh(dir), NfsOps.mkdir(name, NfsOps.modeAttr(0755)), NfsOps.getFh()));
        } catch (NfsStatusException e) {
            if (e.status() != NfsStat.NFS4ERR_EXIST) {
                throw e;
            }
            return fh(session.call(NfsOps.putFh(dir), NfsOps.lookup(name), NfsOps.getFh()));
        }
    }

    /** OPEN with create (UNCHECKED4, mode 0644) and GETFH, asynchronously. */
    public CompletableFuture<OpenFile> createAsync(byte[] dir, String name, int access) throws IOException {
        return session.send(NfsOps.putFh(dir), NfsOps.open(session.clientId(), "loadgen", name, access,
                NfsOps.modeAttr(0644)), NfsOps.getFh()).thenApply(r -> openFile(name, r));
    }

    public OpenFile create(byte[] dir, String name, int access) throws IOException {
        return NfsSession.await(createAsync(dir, name, access));
    }

    /** OPEN of an existing file. */
    public OpenFile open(byte[] dir, String name, int access) throws IOException {
        CompoundRes4 r = session.call(NfsOps.putFh(dir), NfsOps.open(session.clientId(), "loadgen", name, access,
                null), NfsOps.getFh());
        return openFile(name, r);
    }

    private static OpenFile openFile(String name, CompoundRes4 r) {
        Open4Res open = body(r, Op.OPEN);
        return new OpenFile(name, fh(r), open.stateid);
    }

    /** WRITE; completes with the count the server wrote. */
    public CompletableFuture<Integer> write(byte[] fh, Stateid4 sid, long offset, ByteBuffer data, int stable)
            throws IOException {
        return session.send(NfsOps.putFh(fh), NfsOps.write(sid, offset, stable, data)).thenApply(r -> {
            Write4Res w = body(r, Op.WRITE);
            dataBytes.addAndGet(w.count);
            return w.count;
        });
    }

    /** READ; completes with the data and eof ({@link Read4Res#release()} once the data has been used). */
    public CompletableFuture<Read4Res> read(byte[] fh, Stateid4 sid, long offset, int count) throws IOException {
        return session.send(NfsOps.putFh(fh), NfsOps.read(sid, offset, count)).thenApply(r -> {
            Read4Res res = body(r, Op.READ);
            dataBytes.addAndGet(res.length());
            return res;
        });
    }

    /** COMMIT of the whole file (RFC 8881 section 18.3). */
    public void commit(byte[] fh) throws IOException {
        session.call(NfsOps.putFh(fh), NfsOps.commit(0, 0));
    }

    public CompletableFuture<CompoundRes4> closeAsync(OpenFile f) throws IOException {
        return session.send(NfsOps.putFh(f.fh()), NfsOps.close(f.stateid()));
    }

    public void close(OpenFile f) throws IOException {
        NfsSession.await(closeAsync(f));
    }

    public CompletableFuture<CompoundRes4> removeAsync(byte[] dir, String name) throws IOException {
        return session.send(NfsOps.putFh(dir), NfsOps.remove(name));
    }

    /** GETATTR of {@code attrs}, decoded. */
    public Map<Integer, Object> getattr(byte[] fh, int... attrs) throws IOException {
        Fattr4 f = body(session.call(NfsOps.putFh(fh), NfsOps.getattr(attrs)), Op.GETATTR);
        return AttrReader.decode(f);
    }

    /**
     * Lists a directory with READDIR (cookies and cookie verifier as RFC 8881 section 18.23 describes), decoding
     * each entry's {@code attrs}; returns the number of entries.
     */
    public int readdir(byte[] dir, int[] attrs, EntryConsumer each) throws IOException {
        long cookie = 0;
        byte[] verifier = new byte[8];
        int count = 0;
        int maxCount = Math.min(session.maxResponseSize() - 512, 256 << 10);
        EntryAttrs decoded = new EntryAttrs();
        while (true) {
            Readdir4Res page = body(session.call(NfsOps.putFh(dir), NfsOps.readdir(cookie, verifier, maxCount,
                    attrs)), Op.READDIR);
            for (Entry4 e : page.entries) {
                decoded.decode(e.attrs);
                each.accept(e.name, decoded);
                cookie = e.cookie;
                count++;
            }
            verifier = page.cookieVerf;
            if (page.eof) {
                return count;
            }
            if (page.entries.isEmpty()) {
                throw new IOException("READDIR returned no entries and no eof at cookie " + cookie);
            }
        }
    }

    static byte[] fh(CompoundRes4 r) {
        NfsFh4 fh = body(r, Op.GETFH);
        return fh.value;
    }

    /** The body of the last result of {@code opnum}. */
    @SuppressWarnings("unchecked")
    static <T extends XdrAble> T body(CompoundRes4 r, int opnum) {
        T found = null;
        for (ResOp4 op : r.results) {
            if (op.opnum == opnum) {
                found = (T) op.body;
            }
        }
        if (found == null) {
            throw new IllegalStateException("reply has no " + OpNames.name(opnum) + " result");
        }
        return found;
    }
}
