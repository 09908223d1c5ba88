package org.gfspnfs.gfs.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.gfspnfs.gfs.DeviceIOException;
import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FsInfo;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalWriter;
import org.gfspnfs.gfs.lock.LockFlag;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;

/**
 * Mounts a device (GFS2 fill_super): superblock, lockspace, this node's journal glock and replay, then the glock,
 * log, allocation and operation layers.
 */
public final class GfsMounter {
    /**
     * Held SH by every mount for its lifetime; a mount that gets it EX at once (try) is the only one and replays the
     * other journals before anything is read (FORMAT.md "First mount"). A NONDISK glock (RENAME_LOCK is number 1).
     */
    static final LockName MOUNTED_LOCK = new LockName(LockType.NONDISK, 2);

    private static final class LoggerHolder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GfsMounter.class);
    }

    private GfsMounter() {
    }

    /** Reads and checks the superblock of {@code device}. */
    public static Superblock readSuperblock(BlockDevice device) throws GfsException {
        try {
            byte[] first = new byte[Superblock.MIN_BLOCK];
            device.read(0, ByteBuffer.wrap(first));
            byte[] block = new byte[Superblock.peekBlockSize(first)];
            device.read(0, ByteBuffer.wrap(block));
            return Superblock.decode(block);
        } catch (GfsException e) {
            throw e;
        } catch (IOException e) {
            throw new DeviceIOException("reading the superblock: " + e.getMessage(), e);
        }
    }

    public static FileSystem mount(BlockDevice device, MountOptions o) throws GfsException {
        Superblock sb = readSuperblock(device);
        int jid = o.journalId();
        if (jid < 0 || jid >= sb.journalCount()) {
            throw new InvalidArgumentException("journal " + jid + " does not exist (" + sb.journalCount() + ")");
        }
        Glocks glocks = new Glocks(jid);
        MetaCache cache = new MetaCache(device, sb.blockSize());
        Allocator allocator = new Allocator(sb, jid);
        DataReads reads = new DataReads();
        Hooks hooks = new Hooks(cache, allocator, reads);
        glocks.start(o.lockModule(), sb.lockTable(), jid, hooks);
        try {
            // The first mounter (EX granted at once) replays the other journals before anything is read; the others
            // wait in SH until it has, and every mount keeps SH while it lives.
            boolean first = !o.readOnly() && glocks.acquire(MOUNTED_LOCK, LockMode.EX, true);
            if (!first) {
                glocks.acquire(MOUNTED_LOCK, LockMode.SH, false);
            }
            LockName jl = new LockName(LockType.JOURNAL, jid);
            if (!glocks.acquire(jl, LockMode.EX, EnumSet.of(LockFlag.TRY, LockFlag.NOEXP))) {
                throw new GfsException(Errno.EAGAIN, "journal " + jid + " is in use by another mount");
            }
            JournalWriter writer = Recovery.replay(sb, device, jid, o.clock(), new int[1]);
            glocks.recoveryDone(jid);
            cache.readThrough(writer::unwritten);
            Log log = new Log(writer, device, cache);
            log.onCommit(allocator::committed);
            hooks.log = log;
            Mount m = new Mount(sb, device, cache, log, glocks, allocator, o.clock(), jid, reads, o.readOnly());
            OpRunner runner = new OpRunner(m, o.syncMetadata(), o.cacheBlocks());
            BlockTree tree = new BlockTree(sb.blockSize());
            Directory dirs = new Directory(tree);
            FileData data = new FileData(tree);
            Deallocator[] dealloc = new Deallocator[1];
            Holds holds = new Holds(glocks, id -> dealloc[0].tryFree(id));
            dealloc[0] = new Deallocator(runner, glocks, holds, data, dirs, tree);
            Recovery recovery = new Recovery(sb, device, glocks, o.clock(), jid);
            hooks.recovery = recovery;
            if (first) {
                int replayed = recovery.recoverUnowned();
                if (replayed > 0) {
                    LoggerHolder.LOG.info("first mount of {}: replayed {} transactions of other nodes' journals",
                            sb.lockTable(), replayed);
                }
                glocks.releaseAndUnlock(MOUNTED_LOCK);
                glocks.acquire(MOUNTED_LOCK, LockMode.SH, false);
            }
            FsInfo info = new FsInfo(sb.uuid(), sb.label(), sb.lockTable(), sb.blockSize(), sb.journalCount(), jid,
                    sb.version());
            GfsFileSystem fs = new GfsFileSystem(m, runner, info, holds, dealloc[0], new Namespace(dirs), data,
                    recovery, glocks::close, glocks::abandon);
            checkRoot(fs, sb);
            if (!o.readOnly()) {
                fs.recoverUnlinked();
            }
            return fs;
        } catch (GfsException | RuntimeException e) {
            glocks.abandon();
            throw e;
        }
    }

    /**
     * Stops a mount as a power failure would: nothing more is written (no journal flush, no clean unmount), its
     * threads stop and its lock session is closed so the lock manager drops its locks. For crash tests and tools;
     * the journal is replayed by the next mount of the same slot or by {@link FileSystem#recoverJournal}.
     */
    public static void crash(FileSystem fs) {
        if (fs instanceof GfsFileSystem g) {
            g.crash();
        } else {
            throw new IllegalArgumentException("not a gfs-layout mount: " + fs);
        }
    }

    private static void checkRoot(FileSystem fs, Superblock sb) throws GfsException {
        org.gfspnfs.gfs.FileAttributes a = fs.getattr(new InodeId(sb.rootDinode(), 1));
        if (a.type() != org.gfspnfs.gfs.FileType.DIRECTORY) {
            throw new org.gfspnfs.gfs.CorruptionException("root inode is not a directory");
        }
    }

    /** Demote hooks: flush before giving a glock up, drop its cache, publish rgrp counts in the LVB. */
    private static final class Hooks implements Glocks.Demoter {
        private final MetaCache cache;
        private final Allocator allocator;
        private volatile Log log;
        private volatile Recovery recovery;

        private final DataReads reads;

        Hooks(MetaCache cache, Allocator allocator, DataReads reads) {
            this.cache = cache;
            this.allocator = allocator;
            this.reads = reads;
        }

        @Override
        public void beforeDemote(LockName name, LockMode from, LockMode to) throws GfsException {
            Log l = log;
            if (l != null && from == LockMode.EX && coversMetadata(name.type())) {
                l.flush(true);
            }
            if (to == LockMode.UN) {
                cache.invalidate(name);
                // Another node may truncate the file once this node lets its glock go, and reuse the blocks: reads
                // mapped under the glock and still copying must end first.
                if (name.type() == LockType.INODE) {
                    reads.awaitPrior();
                }
            }
        }

        /**
         * Whether blocks can be cached or journaled under a glock of this type. IOPEN (GFS2 iopen glocks: no go_sync),
         * FLOCK and NONDISK glocks only order actions between nodes; the blocks those actions change live under
         * inode and rgrp glocks, whose own demotes checkpoint. A checkpoint per iopen demote would cost a journal
         * commit and four device flushes per unlink and per last close.
         */
        private static boolean coversMetadata(LockType t) {
            return t == LockType.INODE || t == LockType.RGRP || t == LockType.META || t == LockType.JOURNAL;
        }

        @Override
        public void recoveryNeeded(int nodeSlot) {
            Recovery r = recovery;
            if (r == null) {
                return;
            }
            try {
                r.recover(nodeSlot);
            } catch (GfsException e) {
                // Another survivor holds the journal lock and is replaying it, or it failed there and will be
                // retried by the node's recovery driver (FileSystem.recoverJournal).
                LoggerHolder.LOG.info("journal {} not recovered here: {}", nodeSlot, e.getMessage());
            }
        }

        @Override
        public byte[] lvbFor(LockName name) {
            if (name.type() != LockType.RGRP) {
                return null;
            }
            Rgrp r = allocator.rgrpOf(name.number() + 1);
            for (Rgrp x : allocator.rgrps()) {
                if (x.header == name.number()) {
                    r = x;
                }
            }
            return r == null ? null : allocator.lvb(cache, r);
        }
    }
}
