package org.gfspnfs.gfs.impl;

import java.time.Clock;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;

/** The parts of one mount that operations share. */
final class Mount {
    private final Superblock sb;
    private final BlockDevice device;
    private final MetaCache cache;
    private final Log log;
    private final Glocks glocks;
    private final Allocator allocator;
    private final Clock clock;
    private final int journalId;
    private final DataReads dataReads;
    private volatile boolean readOnly;

    Mount(Superblock sb, BlockDevice device, MetaCache cache, Log log, Glocks glocks, Allocator allocator,
          Clock clock, int journalId, DataReads dataReads, boolean readOnly) {
        this.sb = sb;
        this.device = device;
        this.cache = cache;
        this.log = log;
        this.glocks = glocks;
        this.allocator = allocator;
        this.clock = clock;
        this.journalId = journalId;
        this.dataReads = dataReads;
        this.readOnly = readOnly;
    }

    Superblock sb() { return sb; }
    BlockDevice device() { return device; }
    MetaCache cache() { return cache; }
    Log log() { return log; }
    Glocks glocks() { return glocks; }
    Allocator allocator() { return allocator; }
    Clock clock() { return clock; }
    int journalId() { return journalId; }
    /** File data reads copying outside the operation lock, and the wait for them before blocks are reused. */
    DataReads dataReads() { return dataReads; }
    int blockSize() { return sb.blockSize(); }
    boolean readOnly() { return readOnly; }

    /** After an I/O failure the mount stops writing (GFS2 "withdraw"). */
    void withdraw() {
        readOnly = true;
    }
}
