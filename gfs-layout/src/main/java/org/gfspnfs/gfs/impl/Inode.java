package org.gfspnfs.gfs.impl;

import java.time.Instant;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.StaleHandleException;
import org.gfspnfs.gfs.format.BlockState;
import org.gfspnfs.gfs.format.DinodeBlock;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/** A dinode read under its inode glock for the length of one operation. */
final class Inode {
    final long number;
    final LockName glock;
    final Buffer buf;
    final DinodeBlock d;

    private Inode(long number, Buffer buf) {
        this.number = number;
        this.glock = glockOf(number);
        this.buf = buf;
        this.d = new DinodeBlock(buf.data);
    }

    static LockName glockOf(long number) {
        return new LockName(LockType.INODE, number);
    }

    /**
     * Locks and reads an inode by handle. A block that is no longer an allocated dinode, or one of another
     * generation, is a stale handle; a dinode block that fails its checksum is corruption.
     */
    static Inode load(Op op, InodeId id, LockMode mode) throws GfsException {
        Inode ino = load(op, id.number(), mode);
        if (ino.d.generation() != id.generation()) {
            throw new StaleHandleException("inode " + id.number() + " generation " + ino.d.generation()
                    + " is not " + id.generation());
        }
        return ino;
    }

    /**
     * The attributes of an inode whose dinode this node has cached under a cached glock (granted, no demote pending
     * or under way), read without taking a holder ({@link Glocks#readCached}); null when it is not cached like that,
     * or the generation differs (the ordinary {@link #load} then says why). What READDIR asks for every entry.
     * Decoded once per glock ({@link GlockState#attributes}) and reused until the dinode changes or the lock goes:
     * a listing then touches the glock and its attributes, not the cache's map, the block and a fresh decode.
     */
    static FileAttributes cachedAttributes(Op op, InodeId id) {
        Mount m = op.mount();
        LockName gl = glockOf(id.number());
        return m.glocks().readCached(gl, LockMode.SH, g -> {
            FileAttributes a = g.attributes;
            if (a == null) {
                Buffer b = cachedDinode(m, id.number(), gl);
                if (b == null) {
                    return null;
                }
                a = new Inode(id.number(), b).attributes();
                if (g.dinodeWriters == 0) {
                    g.attributes = a;
                }
            }
            return a.id().equals(id) ? a : null;
        });
    }

    /** The dinode block of inode {@code number} if the cache has it, read under glock {@code gl}; else null. */
    private static Buffer cachedDinode(Mount m, long number, LockName gl) {
        Buffer b = m.cache().cached(number);
        return b != null && b.type == MetaType.DI && b.owner.equals(gl) ? b : null;
    }

    /** Locks and reads an inode by number (directory entries, parents). */
    static Inode load(Op op, long number, LockMode mode) throws GfsException {
        Mount m = op.mount();
        Rgrp r = m.allocator().rgrpOf(number);
        if (r == null) {
            throw new StaleHandleException("no inode can live at block " + number);
        }
        LockName gl = glockOf(number);
        op.lock(gl, mode);
        Buffer cached = cachedDinode(m, number, gl);
        if (cached != null) {
            return new Inode(number, cached);
        }
        boolean heldRgrp = op.holds(r.glock, LockMode.SH);
        op.lock(r.glock, LockMode.SH);
        BlockState state = m.allocator().state(op, number);
        if (!heldRgrp) {
            op.unlock(r.glock);
        }
        if (state != BlockState.DINODE && state != BlockState.UNLINKED) {
            throw new StaleHandleException("block " + number + " is not an inode any more");
        }
        Buffer b = m.cache().read(number, MetaType.DI, gl);
        Inode ino = new Inode(number, b);
        String bad = ino.inconsistency();
        if (bad != null) {
            m.cache().drop(number);
            throw new CorruptionException("dinode " + number + ": " + bad);
        }
        return ino;
    }

    private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();
    private static final long MIN_SECONDS = Instant.MIN.getEpochSecond();

    /**
     * Why the (checksum-valid) dinode cannot be right, or null. Checked once when it is read, so that impossible
     * fields fail as EIO here instead of as runtime errors deep in an operation.
     */
    private String inconsistency() {
        FileType t = FileType.fromMode(d.mode());
        if (d.number() != number) {
            return "claims to be inode " + d.number();
        }
        if (t == null) {
            return "unknown type in mode " + Integer.toOctalString(d.mode());
        }
        if (d.height() > 10) {
            return "block tree height " + d.height();
        }
        if (d.size() < 0 || d.nlink() < 0 || d.entries() < 0) {
            return "negative size, link count or entry count";
        }
        boolean stuffedBytes = t == FileType.REGULAR || t == FileType.SYMLINK;
        if (stuffedBytes && d.height() == 0 && d.size() > d.contentSize()) {
            return "stuffed size " + d.size() + " exceeds the dinode";
        }
        if (t == FileType.SYMLINK && d.height() != 0) {
            return "symlink with a block tree";
        }
        if (t == FileType.DIRECTORY && (d.flags() & DinodeBlock.FLAG_EXHASH) != 0
                && (d.height() == 0 || d.depth() > Directory.MAX_DEPTH)) {
            return "hashed directory with height " + d.height() + " depth " + d.depth();
        }
        if (!time(d.atimeSec(), d.atimeNsec()) || !time(d.mtimeSec(), d.mtimeNsec())
                || !time(d.ctimeSec(), d.ctimeNsec())) {
            return "timestamp out of range";
        }
        return null;
    }

    private static boolean time(long sec, int nsec) {
        return sec >= MIN_SECONDS && sec <= MAX_SECONDS && nsec >= 0 && nsec < 1_000_000_000;
    }

    /** A newly allocated dinode (apply phase), its glock already held EX by the operation. */
    static Inode create(Op op, long number, long generation, int mode, int uid, int gid, Instant now) {
        LockName gl = glockOf(number);
        Buffer b = op.create(number, MetaType.DI, gl);
        Inode ino = new Inode(number, b);
        DinodeBlock d = ino.d;
        d.setNumber(number);
        d.setGeneration(generation);
        d.setMode(mode);
        d.setUid(uid);
        d.setGid(gid);
        d.setNlink(1);
        d.setBlocks(1);
        d.setAtime(now.getEpochSecond(), now.getNano());
        d.setMtime(now.getEpochSecond(), now.getNano());
        d.setCtime(now.getEpochSecond(), now.getNano());
        d.setChange(1);
        return ino;
    }

    InodeId id() {
        return new InodeId(number, d.generation());
    }

    FileType type() {
        return FileType.fromMode(d.mode());
    }

    boolean isDir() {
        return type() == FileType.DIRECTORY;
    }

    /** Marks the dinode changed by the operation; call before changing it. */
    Inode modify(Op op) {
        op.modify(buf);
        return this;
    }

    /** ctime = now and change attribute + 1 (the dinode must already be marked modified). */
    void touchCtime(Instant now) {
        d.setCtime(now.getEpochSecond(), now.getNano());
        d.setChange(d.change() + 1);
    }

    /** mtime = ctime = now, change + 1. */
    void touchMtime(Instant now) {
        d.setMtime(now.getEpochSecond(), now.getNano());
        touchCtime(now);
    }

    FileAttributes attributes() {
        return new FileAttributes(id(), type(), d.mode() & 07777, d.uid(), d.gid(), d.nlink(), d.size(),
                d.blocks() * buf.data.length, Instant.ofEpochSecond(d.atimeSec(), d.atimeNsec()),
                Instant.ofEpochSecond(d.mtimeSec(), d.mtimeNsec()), Instant.ofEpochSecond(d.ctimeSec(), d.ctimeNsec()),
                d.change());
    }
}
