package org.gfspnfs.gfs.impl;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.DirListing;
import org.gfspnfs.gfs.Extent;
import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.FsInfo;
import org.gfspnfs.gfs.FsStat;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeHold;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.IsDirectoryException;
import org.gfspnfs.gfs.MappedRead;
import org.gfspnfs.gfs.NoSuchFileException;
import org.gfspnfs.gfs.SetAttributes;
import org.gfspnfs.gfs.StaleHandleException;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;

/** {@link FileSystem} over the mount's parts; see {@link GfsMounter} for how it is put together. */
final class GfsFileSystem implements FileSystem {
    private final Mount m;
    private final OpRunner runner;
    private final FsInfo info;
    private final Namespace ns;
    private final FileData data;
    private final Holds holds;
    private final Deallocator dealloc;
    private final Recovery recovery;
    private final Runnable onClose;
    private final Runnable onCrash;
    private boolean closed;

    GfsFileSystem(Mount m, OpRunner runner, FsInfo info, Holds holds, Deallocator dealloc, Namespace ns,
                  FileData data, Recovery recovery, Runnable onClose, Runnable onCrash) {
        this.m = m;
        this.runner = runner;
        this.info = info;
        this.holds = holds;
        this.dealloc = dealloc;
        this.ns = ns;
        this.data = data;
        this.recovery = recovery;
        this.onClose = onClose;
        this.onCrash = onCrash;
    }

    private Instant now() {
        return m.clock().instant();
    }

    @Override
    public FsInfo info() {
        return info;
    }

    @Override
    public InodeId root() {
        return new InodeId(m.sb().rootDinode(), 1);
    }

    @Override
    public InodeId lookup(InodeId dir, String name) throws GfsException {
        return runner.run(op -> ns.lookup(op, dir, name));
    }

    @Override
    public FileAttributes getattr(InodeId id) throws GfsException {
        return runner.run(op -> Inode.load(op, id, LockMode.SH).attributes());
    }

    /**
     * One operation for the whole list: the mount is taken once, and each inode glock is let go as soon as its
     * attributes are read (a page of a large directory would otherwise hold hundreds at once).
     */
    @Override
    public List<FileAttributes> getattrs(List<InodeId> ids) throws GfsException {
        return runner.run(op -> {
            List<FileAttributes> out = new ArrayList<>(ids.size());
            for (InodeId id : ids) {
                FileAttributes cached = Inode.cachedAttributes(op, id);
                if (cached != null) {
                    out.add(cached);
                    continue;
                }
                LockName gl = Inode.glockOf(id.number());
                boolean held = op.holds(gl, LockMode.SH);
                try {
                    out.add(Inode.load(op, id, LockMode.SH).attributes());
                } catch (NoSuchFileException | StaleHandleException gone) {
                    out.add(null);
                }
                if (!held) {
                    op.unlock(gl);
                }
            }
            return out;
        });
    }

    @Override
    public FileAttributes setattr(InodeId id, SetAttributes c) throws GfsException {
        if (c.size() != null) {
            if (c.size() < 0 || c.size() > FileData.MAX_FILE_BYTES) {
                throw new InvalidArgumentException("size " + c.size());
            }
            boolean done = false;
            while (!done) {
                done = runner.run(op -> {
                    Inode ino = regular(op, id, LockMode.EX);
                    return c.size() >= ino.d.size() || shrinkIsLastStep(op, ino, c.size());
                });
            }
        }
        return runner.run(op -> {
            Inode ino = Inode.load(op, id, LockMode.EX);
            Rgrp rg = null;
            boolean shrink = c.size() != null && c.size() < ino.d.size();
            if (c.size() != null && !shrink) {
                if (ino.type() != FileType.REGULAR) {
                    throw new IsDirectoryException("size of a non-regular file");
                }
                rg = data.planExtend(op, ino, c.size());
            }
            if (shrink) {
                data.shrink(op, ino, c.size(), now());
            } else {
                op.beginApply();
                if (c.size() != null && c.size() != ino.d.size()) {
                    data.applyExtend(op, ino, c.size(), rg, now());
                }
            }
            applyAttributes(op, ino, c);
            return ino.attributes();
        });
    }

    /** True if a single final step can finish the shrink (so the attribute op does it). */
    private boolean shrinkIsLastStep(Op op, Inode ino, long size) throws GfsException {
        long targetL = (size + m.blockSize() - 1) / m.blockSize();
        long last = new BlockTree(m.blockSize()).lastMapped(op, ino);
        if (last + 1 - data.truncateStep(op) <= targetL) {
            return true;
        }
        data.shrink(op, ino, size, now());
        return false;
    }

    private void applyAttributes(Op op, Inode ino, SetAttributes c) {
        ino.modify(op);
        if (c.mode() != null) {
            ino.d.setMode((ino.d.mode() & FileType.S_IFMT) | (c.mode() & 07777));
        }
        if (c.uid() != null) {
            ino.d.setUid(c.uid());
        }
        if (c.gid() != null) {
            ino.d.setGid(c.gid());
        }
        if (c.atime() != null) {
            ino.d.setAtime(c.atime().getEpochSecond(), c.atime().getNano());
        }
        if (c.mtime() != null) {
            ino.d.setMtime(c.mtime().getEpochSecond(), c.mtime().getNano());
        }
        ino.touchCtime(now());
    }

    private static Inode regular(Op op, InodeId id, LockMode mode) throws GfsException {
        Inode ino = Inode.load(op, id, mode);
        if (ino.isDir()) {
            throw new IsDirectoryException("inode " + id.number() + " is a directory");
        }
        if (ino.type() != FileType.REGULAR) {
            throw new InvalidArgumentException("inode " + id.number() + " is not a regular file");
        }
        return ino;
    }

    @Override
    public FileAttributes create(InodeId dir, String name, int mode, int uid, int gid) throws GfsException {
        return make(dir, name, new Namespace.NewNode(FileType.REGULAR, mode, uid, gid, null, 0));
    }

    @Override
    public FileAttributes mkdir(InodeId dir, String name, int mode, int uid, int gid) throws GfsException {
        return make(dir, name, new Namespace.NewNode(FileType.DIRECTORY, mode, uid, gid, null, 0));
    }

    @Override
    public FileAttributes symlink(InodeId dir, String name, String target, int uid, int gid) throws GfsException {
        if (target == null || target.isEmpty()) {
            throw new InvalidArgumentException("empty symlink target");
        }
        return make(dir, name, new Namespace.NewNode(FileType.SYMLINK, 0777, uid, gid, target, 0));
    }

    @Override
    public FileAttributes mknod(InodeId dir, String name, FileType type, int mode, int uid, int gid, long rdev)
            throws GfsException {
        if (type == FileType.REGULAR || type == FileType.DIRECTORY || type == FileType.SYMLINK) {
            throw new InvalidArgumentException("mknod of " + type);
        }
        return make(dir, name, new Namespace.NewNode(type, mode, uid, gid, null, rdev));
    }

    private FileAttributes make(InodeId dir, String name, Namespace.NewNode n) throws GfsException {
        return runner.run(op -> ns.create(op, dir, name, n, now()));
    }

    @Override
    public String readlink(InodeId id) throws GfsException {
        return runner.run(op -> {
            Inode ino = Inode.load(op, id, LockMode.SH);
            if (ino.type() != FileType.SYMLINK) {
                throw new InvalidArgumentException("inode " + id.number() + " is not a symlink");
            }
            return new String(ino.buf.data, org.gfspnfs.gfs.format.DinodeBlock.CONTENT, (int) ino.d.size(),
                    java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    @Override
    public FileAttributes link(InodeId target, InodeId dir, String name) throws GfsException {
        return runner.run(op -> ns.link(op, target, dir, name, now()));
    }

    @Override
    public void unlink(InodeId dir, String name) throws GfsException {
        removeEntry(dir, name, false);
    }

    @Override
    public void rmdir(InodeId dir, String name) throws GfsException {
        removeEntry(dir, name, true);
    }

    @Override
    public InodeId removeEntry(InodeId dir, String name, boolean directory) throws GfsException {
        InodeId gone = runner.run(op -> ns.remove(op, dir, name, directory, now()));
        freeIfUnlinked(gone);
        return gone;
    }

    @Override
    public void rename(InodeId srcDir, String srcName, InodeId dstDir, String dstName) throws GfsException {
        freeIfUnlinked(runner.run(op -> ns.rename(op, srcDir, srcName, dstDir, dstName, now())));
    }

    private void freeIfUnlinked(InodeId id) throws GfsException {
        if (id != null) {
            dealloc.tryFree(id);
        }
    }

    @Override
    public DirListing readdir(InodeId dir, long cookie, int maxEntries) throws GfsException {
        return runner.run(op -> ns.readdir(op, dir, cookie, maxEntries));
    }

    @Override
    public int read(InodeId id, long offset, ByteBuffer dst) throws GfsException {
        if (offset < 0) {
            throw new InvalidArgumentException("negative offset");
        }
        return runner.read(op -> data.plan(op, regular(op, id, LockMode.SH), offset, dst.remaining()), dst).length();
    }

    @Override
    public long readReturningSize(InodeId id, long offset, ByteBuffer dst) throws GfsException {
        if (offset < 0) {
            throw new InvalidArgumentException("negative offset");
        }
        return runner.read(op -> data.plan(op, regular(op, id, LockMode.SH), offset, dst.remaining()), dst).size();
    }

    @Override
    public MappedRead mapRead(InodeId id, long offset, int count) throws GfsException {
        if (offset < 0) {
            throw new InvalidArgumentException("negative offset");
        }
        return runner.map(op -> data.plan(op, regular(op, id, LockMode.SH), offset, count));
    }

    @Override
    public int write(InodeId id, long offset, ByteBuffer src) throws GfsException {
        if (offset < 0) {
            throw new InvalidArgumentException("negative offset");
        }
        int total = src.remaining();
        while (src.hasRemaining()) {
            long at = offset + (total - src.remaining());
            int n = runner.run(op -> data.writeChunk(op, regular(op, id, LockMode.EX), at, src, now()));
            src.position(src.position() + n);
        }
        return total;
    }

    @Override
    public void fsync(InodeId id) throws GfsException {
        runner.run(op -> Inode.load(op, id, LockMode.SH));
        m.log().sync();
    }

    @Override
    public void sync() throws GfsException {
        m.log().sync();
    }

    @Override
    public FsStat statfs() throws GfsException {
        long[] t = new long[3];
        for (Rgrp r : m.allocator().rgrps()) {
            runner.run(op -> {
                long[] known = m.allocator().lvbCounts(op, r);
                if (known != null) {
                    t[0] += r.dataBlocks;
                    t[1] += known[0];
                    t[2] += known[1];
                    return null;
                }
                op.lock(r.glock, LockMode.SH);
                RgrpHeader h = new RgrpHeader(m.allocator().header(op, r).data);
                t[0] += r.dataBlocks;
                t[1] += h.free();
                t[2] += h.dinodes();
                return null;
            });
        }
        return new FsStat(m.blockSize(), t[0], t[1], t[2] + t[1], t[1]);
    }

    @Override
    public org.gfspnfs.gfs.MountStats stats() {
        return new org.gfspnfs.gfs.MountStats(m.glocks().demotes(), m.log().commits(), m.log().checkpoints());
    }

    @Override
    public InodeHold open(InodeId id) throws GfsException {
        runner.run(op -> Inode.load(op, id, LockMode.SH));
        return holds.open(id);
    }

    @Override
    public List<Extent> allocateUnwritten(InodeId id, long offset, long length) throws GfsException {
        long[] range = blocks(offset, length);
        long l = range[0];
        while (l < range[0] + range[1]) {
            long from = l;
            long n = runner.run(op -> data.allocateUnwrittenChunk(op, regular(op, id, LockMode.EX), from,
                    range[0] + range[1] - from, now()));
            l += n;
        }
        return mapRange(id, offset, length);
    }

    @Override
    public List<Extent> mapRange(InodeId id, long offset, long length) throws GfsException {
        long[] range = blocks(offset, length);
        boolean stuffed = runner.run(op -> {
            Inode ino = regular(op, id, LockMode.SH);
            return ino.d.height() == 0 && ino.d.size() > 0;
        });
        if (stuffed) {
            runner.run(op -> {
                Inode ino = regular(op, id, LockMode.EX);
                Rgrp rg = ino.d.height() == 0 ? m.allocator().reserve(op, 4, 4) : null;
                op.beginApply();
                data.unstuff(op, ino, rg);
                return null;
            });
        }
        return runner.run(op -> data.map(op, regular(op, id, LockMode.SH), range[0], range[1]));
    }

    @Override
    public FileAttributes commitWritten(InodeId id, long offset, long length, long newSize, Instant mtime)
            throws GfsException {
        long[] range = blocks(offset, length);
        long l = range[0];
        List<FileAttributes> last = new ArrayList<>(1);
        do {
            long from = l;
            long n = runner.run(op -> {
                Inode ino = regular(op, id, LockMode.EX);
                op.beginApply();
                long done = data.convertChunk(op, ino, from, range[0] + range[1] - from);
                if (from + done >= range[0] + range[1]) {
                    ino.modify(op);
                    if (newSize > ino.d.size()) {
                        ino.d.setSize(newSize);
                    }
                    ino.touchMtime(now());
                    if (mtime != null) {
                        ino.d.setMtime(mtime.getEpochSecond(), mtime.getNano());
                    }
                    last.add(ino.attributes());
                }
                return done;
            });
            l += n;
        } while (last.isEmpty());
        m.log().sync();
        return last.get(0);
    }

    private long[] blocks(long offset, long length) throws InvalidArgumentException {
        if (offset < 0 || length < 0) {
            throw new InvalidArgumentException("range " + offset + "+" + length);
        }
        long end = length > FileData.MAX_FILE_BYTES - offset ? FileData.MAX_FILE_BYTES : offset + length;
        long first = offset / m.blockSize();
        long last = (Math.max(end, offset + 1) - 1) / m.blockSize();
        return new long[] {first, length == 0 ? 0 : last - first + 1};
    }

    @Override
    public int recoverJournal(int journalId) throws GfsException {
        int n = recovery.recover(journalId);
        recoverUnlinked();
        return n;
    }

    /** Frees unlinked inodes nobody holds (after a crash); returns how many. */
    int recoverUnlinked() throws GfsException {
        return dealloc.recoverUnlinked();
    }

    /** Power failure: stop writing, drop the lock session, write nothing. */
    synchronized void crash() {
        if (closed) {
            return;
        }
        closed = true;
        m.withdraw();
        onCrash.run();
    }

    @Override
    public synchronized void close() throws GfsException {
        if (closed) {
            return;
        }
        closed = true;
        runner.serial().lock();
        try {
            m.dataReads().awaitPrior();
            if (!m.readOnly()) {
                m.log().close();
            }
        } finally {
            runner.serial().unlock();
            onClose.run();
        }
    }
}
