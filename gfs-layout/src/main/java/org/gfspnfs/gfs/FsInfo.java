package org.gfspnfs.gfs;

import java.util.UUID;

/**
 * Identity of a mounted filesystem, from its superblock.
 *
 * @param uuid          filesystem UUID (the NFS fsid is derived from it)
 * @param label         human label
 * @param lockTable     {@code cluster:fs}: the lockspace the glocks live in
 * @param blockSize     block size in bytes
 * @param journalCount  number of journals (node slots)
 * @param journalId     the journal this mount writes
 * @param formatVersion on-disk format version
 */
public record FsInfo(UUID uuid, String label, String lockTable, int blockSize, int journalCount, int journalId,
                     int formatVersion) {
}
