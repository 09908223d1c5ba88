package org.gfspnfs.gfs;

import java.util.Objects;
import java.util.UUID;

/**
 * Parameters of {@link Mkfs#format}. Sizes are in blocks unless the name says bytes.
 *
 * @param blockSize     512 .. 65536, a power of two (default 4096)
 * @param journalCount  node slots, each with its own journal (default 2)
 * @param journalBlocks blocks per journal (default: 32 MiB worth, at least 64)
 * @param rgrpBlocks    blocks per resource group, header and bitmaps included (default: 256 MiB worth)
 * @param lockTable     {@code cluster:fs}
 * @param label         human label (at most 32 bytes)
 * @param uuid          filesystem UUID (random by default)
 * @param fenceArea     reserve the 1 MiB disk-fencing area after the superblock (default true; FORMAT.md)
 */
public record MkfsOptions(int blockSize, int journalCount, int journalBlocks, int rgrpBlocks, String lockTable,
                          String label, UUID uuid, boolean fenceArea) {
    public MkfsOptions {
        Objects.requireNonNull(lockTable, "lockTable");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(uuid, "uuid");
    }

    /** Options with the disk-fencing area reserved. */
    public MkfsOptions(int blockSize, int journalCount, int journalBlocks, int rgrpBlocks, String lockTable,
                       String label, UUID uuid) {
        this(blockSize, journalCount, journalBlocks, rgrpBlocks, lockTable, label, uuid, true);
    }

    /**
     * Without the fence area: the layout of images made before it existed (tests of the migration path, and
     * clusters whose disk fencing has a device of its own).
     */
    public MkfsOptions withFenceArea(boolean reserve) {
        return new MkfsOptions(blockSize, journalCount, journalBlocks, rgrpBlocks, lockTable, label, uuid, reserve);
    }

    /** Defaults: 4 KiB blocks, 2 journals of 32 MiB, 256 MiB resource groups. */
    public static MkfsOptions defaults(String lockTable) {
        return new MkfsOptions(4096, 2, 8192, 65536, lockTable, "", UUID.randomUUID());
    }

    public MkfsOptions withBlockSize(int bs) {
        return new MkfsOptions(bs, journalCount, journalBlocks, rgrpBlocks, lockTable, label, uuid, fenceArea);
    }

    public MkfsOptions withJournals(int count, int blocks) {
        return new MkfsOptions(blockSize, count, blocks, rgrpBlocks, lockTable, label, uuid, fenceArea);
    }

    public MkfsOptions withRgrpBlocks(int blocks) {
        return new MkfsOptions(blockSize, journalCount, journalBlocks, blocks, lockTable, label, uuid, fenceArea);
    }

    public MkfsOptions withLabel(String l) {
        return new MkfsOptions(blockSize, journalCount, journalBlocks, rgrpBlocks, lockTable, l, uuid, fenceArea);
    }

    public MkfsOptions withUuid(UUID u) {
        return new MkfsOptions(blockSize, journalCount, journalBlocks, rgrpBlocks, lockTable, label, u, fenceArea);
    }
}
