package org.gfspnfs.gfs.impl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gfspnfs.gfs.DirEntry;
import org.gfspnfs.gfs.DirListing;
import org.gfspnfs.gfs.DirectoryNotEmptyException;
import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileExistsException;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.IsDirectoryException;
import org.gfspnfs.gfs.NoSuchFileException;
import org.gfspnfs.gfs.NotDirectoryException;
import org.gfspnfs.gfs.RenameLoopException;
import org.gfspnfs.gfs.TooManyLinksException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.DirEntryFormat.Entry;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/**
 * Namespace operations as operation bodies: each takes its glocks (directory before entries' inodes, retried in
 * order when needed), checks everything, and only then changes metadata.
 */
final class Namespace {
    /** Serializes directory renames cluster-wide, so the loop check sees a stable tree (GFS2 rename lock). */
    static final LockName RENAME_LOCK = new LockName(LockType.NONDISK, 1);
    private final Directory dirs;

    Namespace(Directory dirs) {
        this.dirs = dirs;
    }

    /** What a new inode is. */
    record NewNode(FileType type, int perm, int uid, int gid, String target, long rdev) {
    }

    InodeId lookup(Op op, InodeId dirId, String name) throws GfsException {
        Inode dir = directory(op, dirId, LockMode.SH);
        if (name.equals(".")) {
            return dir.id();
        }
        if (name.equals("..")) {
            return Inode.load(op, dir.d.parent(), LockMode.SH).id();
        }
        Entry e = dirs.find(op, dir, Names.check(name));
        if (e == null) {
            throw new NoSuchFileException(name);
        }
        return new InodeId(e.ino(), e.gen());
    }

    DirListing readdir(Op op, InodeId dirId, long cookie, int max) throws GfsException {
        if (max <= 0) {
            throw new InvalidArgumentException("readdir of " + max + " entries");
        }
        Inode dir = directory(op, dirId, LockMode.SH);
        boolean[] eof = {false};
        List<DirEntry> out = new ArrayList<>();
        for (Entry e : dirs.list(op, dir, cookie, max, eof)) {
            out.add(new DirEntry(e.nameString(), new InodeId(e.ino(), e.gen()), Names.typeOf(e.type()), e.cookie()));
        }
        return new DirListing(out, eof[0]);
    }

    FileAttributes create(Op op, InodeId dirId, String name, NewNode n, Instant now) throws GfsException {
        byte[] nm = Names.check(name);
        if (n.type() == FileType.SYMLINK
                && n.target().getBytes(StandardCharsets.UTF_8).length > op.mount().blockSize() - DinodeBlock.CONTENT) {
            throw new org.gfspnfs.gfs.NameTooLongException("symlink target longer than a dinode can hold");
        }
        Inode dir = directory(op, dirId, LockMode.EX);
        if (dirs.find(op, dir, nm) != null) {
            throw new FileExistsException(name);
        }
        if (n.type() == FileType.DIRECTORY && dir.d.nlink() >= Integer.MAX_VALUE - 1) {
            throw new TooManyLinksException("directory link count");
        }
        int cost = 1 + dirs.insertCost(dir);
        Rgrp rg = op.mount().allocator().reserve(op, cost, cost);
        long addr = op.mount().allocator().peekFree(op, rg);
        op.lock(Inode.glockOf(addr), LockMode.EX);
        op.beginApply();
        long gen = op.mount().allocator().allocDinodeAt(op, rg, addr);
        Inode ni = Inode.create(op, addr, gen, n.type().modeBits() | (n.perm() & 07777), n.uid(), n.gid(), now);
        if (n.type() == FileType.DIRECTORY) {
            ni.d.setNlink(2);
            ni.d.setParent(dir.number);
            dir.modify(op).d.setNlink(dir.d.nlink() + 1);
        } else if (n.type() == FileType.SYMLINK) {
            byte[] t = n.target().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(t, 0, ni.buf.data, DinodeBlock.CONTENT, t.length);
            ni.d.setSize(t.length);
        } else if (n.type() == FileType.CHAR_DEVICE || n.type() == FileType.BLOCK_DEVICE) {
            ni.d.setRdev(n.rdev());
        }
        dirs.insert(op, dir, nm, addr, gen, Names.typeCode(n.type()), rg);
        dir.modify(op).touchMtime(now);
        return ni.attributes();
    }

    FileAttributes link(Op op, InodeId targetId, InodeId dirId, String name, Instant now) throws GfsException {
        byte[] nm = Names.check(name);
        Inode dir = directory(op, dirId, LockMode.EX);
        Inode t = Inode.load(op, targetId, LockMode.EX);
        if (t.isDir()) {
            throw new IsDirectoryException("hard link to a directory");
        }
        if (t.d.nlink() == 0) {
            throw new NoSuchFileException("inode " + t.number + " has been removed");
        }
        if (t.d.nlink() == Integer.MAX_VALUE) {
            throw new TooManyLinksException("inode " + t.number);
        }
        if (dirs.find(op, dir, nm) != null) {
            throw new FileExistsException(name);
        }
        int cost = dirs.insertCost(dir);
        Rgrp rg = op.mount().allocator().reserve(op, cost, cost);
        op.beginApply();
        dirs.insert(op, dir, nm, t.number, t.d.generation(), Names.typeCode(t.type()), rg);
        t.modify(op).d.setNlink(t.d.nlink() + 1);
        t.touchCtime(now);
        dir.modify(op).touchMtime(now);
        return t.attributes();
    }

    /** Removes a name; returns the inode if that was its last link (the caller then tries to free it). */
    InodeId remove(Op op, InodeId dirId, String name, boolean wantDir, Instant now) throws GfsException {
        if (wantDir && name.equals(".")) {
            throw new InvalidArgumentException("rmdir .");
        }
        if (wantDir && name.equals("..")) {
            throw new DirectoryNotEmptyException("rmdir ..");
        }
        byte[] nm = Names.check(name);
        Inode dir = directory(op, dirId, LockMode.EX);
        Entry e = dirs.find(op, dir, nm);
        if (e == null) {
            throw new NoSuchFileException(name);
        }
        Inode t = Inode.load(op, e.ino(), LockMode.EX);
        if (wantDir && !t.isDir()) {
            throw new NotDirectoryException(name);
        }
        if (!wantDir && t.isDir()) {
            throw new IsDirectoryException(name);
        }
        if (wantDir && t.d.entries() > 0) {
            throw new DirectoryNotEmptyException(name);
        }
        boolean last = wantDir || t.d.nlink() <= 1;
        if (last) {
            op.lock(op.mount().allocator().rgrpOf(t.number).glock, LockMode.EX);
        }
        op.beginApply();
        dirs.remove(op, dir, nm);
        dir.modify(op).touchMtime(now);
        dropLink(op, dir, t, now);
        return t.d.nlink() == 0 ? t.id() : null;
    }

    /** One link fewer on {@code t} (named in {@code dir}); at zero links the dinode becomes UNLINKED. */
    private void dropLink(Op op, Inode dir, Inode t, Instant now) throws GfsException {
        t.modify(op);
        if (t.isDir()) {
            t.d.setNlink(0);
            dir.modify(op).d.setNlink(dir.d.nlink() - 1);
        } else {
            t.d.setNlink(t.d.nlink() - 1);
        }
        t.touchCtime(now);
        if (t.d.nlink() == 0) {
            op.mount().allocator().setDinodeState(op, t.number, BlockState.UNLINKED);
        }
    }

    /** POSIX rename; returns a replaced inode that lost its last link, or null. */
    InodeId rename(Op op, InodeId srcId, String srcName, InodeId dstId, String dstName, Instant now)
            throws GfsException {
        byte[] sn = Names.check(srcName);
        byte[] dn = Names.check(dstName);
        boolean sameDir = srcId.number() == dstId.number();
        if (!sameDir) {
            op.lock(RENAME_LOCK, LockMode.EX);
        }
        Inode sd = directory(op, srcId, LockMode.EX);
        Inode dd = sameDir ? sd : directory(op, dstId, LockMode.EX);
        if (dd.d.nlink() == 0) {
            throw new NoSuchFileException("target directory was removed");
        }
        Entry se = dirs.find(op, sd, sn);
        if (se == null) {
            throw new NoSuchFileException(srcName);
        }
        Inode s = Inode.load(op, se.ino(), LockMode.EX);
        Entry ve = dirs.find(op, dd, dn);
        Inode v = ve == null ? null : Inode.load(op, ve.ino(), LockMode.EX);
        if (v != null && v.number == s.number) {
            return null;
        }
        checkReplace(s, v, dstName);
        if (s.isDir() && !sameDir) {
            checkNoLoop(op, s.number, dd);
        }
        int cost = dirs.insertCost(dd);
        Rgrp rg = op.mount().allocator().reserve(op, v == null ? cost : 0, cost);
        if (v != null && (v.isDir() || v.d.nlink() <= 1)) {
            op.lock(op.mount().allocator().rgrpOf(v.number).glock, LockMode.EX);
        }
        op.beginApply();
        if (v != null) {
            dirs.remove(op, dd, dn);
            dropLink(op, dd, v, now);
        }
        dirs.remove(op, sd, sn);
        dirs.insert(op, dd, dn, s.number, s.d.generation(), Names.typeCode(s.type()), rg);
        if (s.isDir() && !sameDir) {
            s.modify(op).d.setParent(dd.number);
            sd.modify(op).d.setNlink(sd.d.nlink() - 1);
            dd.modify(op).d.setNlink(dd.d.nlink() + 1);
        }
        s.modify(op).touchCtime(now);
        sd.modify(op).touchMtime(now);
        dd.modify(op).touchMtime(now);
        return v != null && v.d.nlink() == 0 ? v.id() : null;
    }

    private static void checkReplace(Inode s, Inode v, String dstName) throws GfsException {
        if (v == null) {
            return;
        }
        if (s.isDir() && !v.isDir()) {
            throw new NotDirectoryException(dstName);
        }
        if (!s.isDir() && v.isDir()) {
            throw new IsDirectoryException(dstName);
        }
        if (v.isDir() && v.d.entries() > 0) {
            throw new DirectoryNotEmptyException(dstName);
        }
    }

    /** Walks from the target directory up to the root; meeting the moved directory means a loop. */
    private void checkNoLoop(Op op, long moved, Inode dstDir) throws GfsException {
        long root = op.mount().sb().rootDinode();
        long p = dstDir.number;
        for (int depth = 0; depth < 1_000_000; depth++) {
            if (p == moved) {
                throw new RenameLoopException("cannot move a directory below itself");
            }
            if (p == root) {
                return;
            }
            p = Inode.load(op, p, LockMode.SH).d.parent();
        }
        throw new org.gfspnfs.gfs.CorruptionException("directory parent chain does not reach the root");
    }

    private static Inode directory(Op op, InodeId id, LockMode mode) throws GfsException {
        Inode dir = Inode.load(op, id, mode);
        if (!dir.isDir()) {
            throw new NotDirectoryException("inode " + id.number() + " is not a directory");
        }
        return dir;
    }
}
