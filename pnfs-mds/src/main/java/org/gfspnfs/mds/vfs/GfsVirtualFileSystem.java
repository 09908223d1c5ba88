package org.gfspnfs.mds.vfs;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gfspnfs.gfs.DirEntry;
import org.gfspnfs.gfs.DirListing;
import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.IsDirectoryException;
import org.gfspnfs.gfs.MappedRead;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.FsInfo;
import org.gfspnfs.nfs41.vfs.FsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.ReadBufferPool;
import org.gfspnfs.nfs41.vfs.ReadResult;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stability;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.TimeSetting;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.gfspnfs.nfs41.vfs.WriteResult;

/**
 * The NFSv4.1 engine's filesystem SPI over a mounted gfs-layout {@link FileSystem}. Every call maps onto one
 * gfs-layout operation, which takes the glocks it needs, so what this node serves is coherent with every other node
 * that mounts the same device. The engine's {@link Inode} is gfs-layout's {@link InodeId} (dinode address and
 * allocation generation): handles are persistent across restarts and failover, and a handle to a deleted inode is
 * NFS4ERR_STALE (RFC 8881 section 4.2.3) even after its block is reused. Failures are translated in
 * {@link GfsErrors} only.
 *
 * <p>Durability (RFC 8881 section 18.32): UNSTABLE writes reach the device unflushed and become durable at COMMIT
 * (gfs-layout fsync: device flush plus journal commit); DATA_SYNC and FILE_SYNC writes are made durable before the
 * reply and reported as FILE_SYNC. The write verifier that tells clients about lost unstable writes changes on
 * every server start (the engine makes it).
 *
 * <p>Does not own the {@link FileSystem}: {@link #close()} only releases the open holds it took.
 */
public final class GfsVirtualFileSystem implements VirtualFileSystem, AutoCloseable {
    /** Longest name gfs-layout stores, bytes of UTF-8 (FORMAT.md, directory entry). */
    private static final int MAX_NAME = 255;
    /** 2^50 bytes: the largest offset the block tree addresses (FORMAT.md, block tree). */
    private static final long MAX_FILE_SIZE = 1L << 50;
    /** The READDIR cookie verifier of every directory: none, since no cookie ever becomes invalid (see readdir). */
    private static final long NO_COOKIE_VERIFIER = 0;
    /** READs of at least this many bytes are sent from the device. */
    static final int SEND_FROM_DEVICE_MIN = 64 * 1024;

    private final FileSystem fs;
    private final ReadBufferPool readBuffers = new ReadBufferPool();
    private final Clock clock;
    private final FsInfo info;
    private final OpenHolds holds;
    private final LayoutInvalidation layouts;

    /** Without pNFS: nothing to tell when a file's layout stops being valid. */
    public GfsVirtualFileSystem(FileSystem fs, Clock clock) {
        this(fs, clock, LayoutInvalidation.NONE);
    }

    /** With a layout manager that recalls the layouts of truncated and removed files. */
    public GfsVirtualFileSystem(FileSystem fs, Clock clock, LayoutInvalidation layouts) {
        this.fs = Objects.requireNonNull(fs, "fs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.layouts = Objects.requireNonNull(layouts, "layouts");
        UUID uuid = fs.info().uuid();
        // fsid from the superblock UUID: equal on every node that mounts the device, so MDS failover keeps it.
        this.info = new FsInfo(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), MAX_FILE_SIZE,
                MAX_NAME, Integer.MAX_VALUE - 1, true, true);
        this.holds = new OpenHolds(fs);
    }

    @Override
    public Inode root() {
        return Attrs.inode(fs.root());
    }

    @Override
    public FsInfo info() {
        return info;
    }

    @Override
    public Inode lookup(Inode dir, String name) throws NfsException {
        try {
            return Attrs.inode(fs.lookup(Attrs.id(dir), name));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public Inode parent(Inode dir) throws NfsException {
        return lookup(dir, "..");
    }

    @Override
    public Stat getattr(Inode inode) throws NfsException {
        try {
            return Attrs.stat(fs.getattr(Attrs.id(inode)));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /** Permissions are the mode bits (no ACLs), so attributes read earlier in the request answer. */
    @Override
    public int access(Inode inode, Stat st, Caller caller, int mask) {
        return Access.fromMode(st, caller, mask);
    }

    @Override
    public Stat setattr(Inode inode, SetAttributes attrs) throws NfsException {
        Instant now = clock.instant();
        Integer mode = attrs.mode() == null ? null : attrs.mode() & 07777;
        org.gfspnfs.gfs.SetAttributes change = new org.gfspnfs.gfs.SetAttributes(mode, attrs.uid(), attrs.gid(),
                attrs.size(), time(attrs.atime(), now), time(attrs.mtime(), now));
        try {
            InodeId id = Attrs.id(inode);
            FileAttributes a = attrs.isEmpty() ? fs.getattr(id) : fs.setattr(id, change);
            if (attrs.size() != null) {
                layouts.invalidated(inode);
            }
            return Attrs.stat(a);
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    private static Instant time(TimeSetting t, Instant now) {
        if (t == null) {
            return null;
        }
        return t.serverTime() ? now : t.time();
    }

    @Override
    public Inode create(Inode dir, String name, FileType type, int mode, Caller owner, int rdevMajor,
                        int rdevMinor) throws NfsException {
        InodeId d = Attrs.id(dir);
        int perm = mode & 07777;
        try {
            FileAttributes a = switch (type) {
                case REGULAR -> fs.create(d, name, perm, owner.uid(), owner.gid());
                case DIRECTORY -> fs.mkdir(d, name, perm, owner.uid(), owner.gid());
                case SYMLINK -> throw new InvalException("symlinks are made with symlink()");
                case FIFO, SOCKET, CHAR_DEVICE, BLOCK_DEVICE -> fs.mknod(d, name, Attrs.type(type), perm,
                        owner.uid(), owner.gid(), Attrs.rdev(rdevMajor, rdevMinor));
            };
            return Attrs.inode(a.id());
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public Inode symlink(Inode dir, String name, String target, int mode, Caller owner) throws NfsException {
        try {
            return Attrs.inode(fs.symlink(Attrs.id(dir), name, target, owner.uid(), owner.gid()).id());
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public void link(Inode dir, String name, Inode target) throws NfsException {
        try {
            fs.link(Attrs.id(target), Attrs.id(dir), name);
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public void remove(Inode dir, String name) throws NfsException {
        InodeId d = Attrs.id(dir);
        try {
            InodeId gone;
            try {
                gone = fs.removeEntry(d, name, false);
            } catch (IsDirectoryException dirEntry) {
                // gfs-layout checks the type under the directory's EX glock, so there is no lookup race here.
                gone = fs.removeEntry(d, name, true);
            }
            if (gone != null) {
                // Its last link is gone, so its layouts stop being valid (a file linked elsewhere keeps them).
                layouts.invalidated(Attrs.inode(gone));
            }
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public void rename(Inode fromDir, String fromName, Inode toDir, String toName) throws NfsException {
        try {
            InodeId replaced = layouts == LayoutInvalidation.NONE ? null : existing(Attrs.id(toDir), toName);
            fs.rename(Attrs.id(fromDir), fromName, Attrs.id(toDir), toName);
            if (replaced != null && !replaced.equals(fs.lookup(Attrs.id(toDir), toName))) {
                layouts.invalidated(Attrs.inode(replaced));
            }
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    private InodeId existing(InodeId dir, String name) throws GfsException {
        try {
            return fs.lookup(dir, name);
        } catch (org.gfspnfs.gfs.NoSuchFileException absent) {
            return null;
        }
    }

    @Override
    public String readlink(Inode link) throws NfsException {
        try {
            return fs.readlink(Attrs.id(link));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /**
     * Entries in gfs-layout's cookie order. Its cookies are stored hash+sequence values (never positional), valid for
     * the life of the directory whatever is added or removed, so there is nothing for a cookie verifier to say: every
     * page carries verifier 0 and the client's verifier is not checked, as Linux nfsd does. A non-zero verifier would
     * cost the Linux client a re-read: on a READDIR from cookie 0 whose verifier differs from the one it holds (0
     * for a directory it has just met) it drops every page-cache page of the listing but the first, most of the reply
     * it just got, and asks again from there.
     */
    @Override
    public org.gfspnfs.nfs41.vfs.DirPage readdir(Inode dir, long cookie, long verifier, int maxEntries)
            throws NfsException {
        try {
            DirListing l = fs.readdir(Attrs.id(dir), cookie, maxEntries);
            List<org.gfspnfs.nfs41.vfs.DirEntry> out = new ArrayList<>(l.entries().size());
            // The page's attributes in one filesystem operation; an entry removed since the listing has none (the
            // engine reads it again, or skips it).
            List<FileAttributes> attrs = fs.getattrs(l.entries().stream().map(DirEntry::id).toList());
            for (int i = 0; i < l.entries().size(); i++) {
                DirEntry e = l.entries().get(i);
                FileAttributes a = attrs.get(i);
                out.add(new org.gfspnfs.nfs41.vfs.DirEntry(e.name(), e.cookie(), Attrs.inode(e.id()),
                        a == null ? null : Attrs.stat(a)));
            }
            return new org.gfspnfs.nfs41.vfs.DirPage(out, NO_COOKIE_VERIFIER, l.eof());
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /**
     * One gfs-layout operation maps the bytes and reads the file size (for eof). A large READ leaves them on the
     * device for the transport to send from there (sendfile); a small one is copied into a pooled buffer, which
     * costs less than sending the reply in pieces.
     */
    @Override
    public ReadResult read(Inode file, long offset, int count) throws NfsException {
        InodeId id = Attrs.id(file);
        try {
            if (count >= SEND_FROM_DEVICE_MIN) {
                MappedRead mapped = fs.mapRead(id, offset, count);
                int n = mapped.length();
                boolean eof = n < count || offset + n >= mapped.fileSize();
                return ReadResult.mapped(new MappedReadPayload(mapped), eof);
            }
            // From the pool of direct reply buffers: the device reads straight into it and the socket writes
            // straight from it, and it comes back once written (a fresh direct buffer per READ would be memory only
            // a stop-the-world full GC gives back once the direct-memory limit is reached). Not zeroed: the
            // filesystem writes every byte it returns (holes and unwritten blocks as zeros), and only those are sent.
            ByteBuffer dst = readBuffers.acquireToFill(count);
            long size;
            try {
                size = fs.readReturningSize(id, offset, dst);
            } catch (GfsException | RuntimeException e) {
                readBuffers.release(dst);
                throw e;
            }
            int n = dst.position();
            dst.flip();
            return readBuffers.result(dst, n < count || offset + n >= size);
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public WriteResult write(Inode file, long offset, byte[] data, int dataOffset, int length,
                             Stability stability) throws NfsException {
        return write(file, offset, ByteBuffer.wrap(data, dataOffset, length), stability);
    }

    @Override
    public WriteResult write(Inode file, long offset, ByteBuffer data, Stability stability) throws NfsException {
        InodeId id = Attrs.id(file);
        try {
            int n = fs.write(id, offset, data.duplicate());
            if (stability == Stability.UNSTABLE) {
                return new WriteResult(n, Stability.UNSTABLE);
            }
            // DATA_SYNC needs the size change durable too when the write extends the file; fsync does both.
            fs.fsync(id);
            return new WriteResult(n, Stability.FILE_SYNC);
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public void commit(Inode file, long offset, long length) throws NfsException {
        try {
            fs.fsync(Attrs.id(file));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    @Override
    public FsStat statfs() throws NfsException {
        try {
            org.gfspnfs.gfs.FsStat s = fs.statfs();
            long bs = s.blockSize();
            return new FsStat(s.totalBlocks() * bs, s.freeBlocks() * bs, s.freeBlocks() * bs, s.totalFiles(),
                    s.freeFiles(), s.freeFiles());
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /**
     * A client opened {@code file} (OPEN): while any open remains, the inode survives its last unlink (a gfs-layout
     * hold, the GFS2 iopen glock held shared). Nested opens are counted.
     */
    @Override
    public void opened(Inode file) throws NfsException {
        try {
            holds.acquire(Attrs.id(file));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /** The matching close (CLOSE, lease expiry, client gone): the last one lets an unlinked inode be freed. */
    @Override
    public void closed(Inode file) throws NfsException {
        try {
            // A close without a matching open (an open taken before this server started) has nothing to release.
            holds.release(Attrs.id(file));
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }

    /** Open files outlive their last unlink (see {@link #opened}), so clients may remove them directly. */
    @Override
    public boolean preservesUnlinkedOpenFiles() {
        return true;
    }

    /** How many opens {@code file} has on this server (for tools and tests). */
    public int openCount(Inode file) {
        return holds.count(Attrs.id(file));
    }

    /** Releases every open hold; the filesystem stays mounted (its owner unmounts it). */
    @Override
    public void close() throws NfsException {
        try {
            holds.releaseAll();
        } catch (GfsException e) {
            throw GfsErrors.toNfs(e);
        }
    }
}
