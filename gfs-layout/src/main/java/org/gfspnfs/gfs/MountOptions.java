package org.gfspnfs.gfs;

import java.time.Clock;
import java.util.Objects;
import org.gfspnfs.gfs.lock.LockModule;

/**
 * How a node mounts the filesystem.
 *
 * @param journalId    this node's journal slot (0 .. journal count - 1); also picks the resource groups this node
 *                     prefers to allocate from
 * @param lockModule   glock provider (the in-process {@code LocalLockModule} or the DLM one)
 * @param clock        time source for atime/mtime/ctime
 * @param readOnly     refuse every change ({@link ReadOnlyException}); the journal is still replayed if dirty
 * @param syncMetadata commit the journal after every changing operation (without a checkpoint: the journal stays
 *                     live until the next fsync/sync/demote)
 * @param cacheBlocks  clean metadata blocks kept cached under idle glocks before the least recently used are dropped
 */
public record MountOptions(int journalId, LockModule lockModule, Clock clock, boolean readOnly,
                           boolean syncMetadata, int cacheBlocks) {
    /** Default metadata cache: 64 Ki blocks (256 MiB with 4 KiB blocks). */
    public static final int DEFAULT_CACHE_BLOCKS = 1 << 16;

    public MountOptions {
        Objects.requireNonNull(lockModule, "lockModule");
        Objects.requireNonNull(clock, "clock");
        if (cacheBlocks < 16) {
            throw new IllegalArgumentException("cacheBlocks must be at least 16: " + cacheBlocks);
        }
    }

    /** Read-write, batched commits, system UTC clock, default cache. */
    public static MountOptions of(int journalId, LockModule lockModule) {
        return new MountOptions(journalId, lockModule, Clock.systemUTC(), false, false, DEFAULT_CACHE_BLOCKS);
    }

    public MountOptions withClock(Clock c) {
        return new MountOptions(journalId, lockModule, c, readOnly, syncMetadata, cacheBlocks);
    }

    public MountOptions withReadOnly(boolean ro) {
        return new MountOptions(journalId, lockModule, clock, ro, syncMetadata, cacheBlocks);
    }

    public MountOptions withSyncMetadata(boolean sync) {
        return new MountOptions(journalId, lockModule, clock, readOnly, sync, cacheBlocks);
    }

    public MountOptions withCacheBlocks(int blocks) {
        return new MountOptions(journalId, lockModule, clock, readOnly, syncMetadata, blocks);
    }
}
