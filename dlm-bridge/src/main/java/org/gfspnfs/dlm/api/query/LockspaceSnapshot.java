package org.gfspnfs.dlm.api.query;

import java.util.List;

/**
 * What one node knows of one lockspace.
 *
 * @param name             lockspace name
 * @param mastered         resources this node masters, with their queues
 * @param directoryEntries number of directory entries this node holds
 * @param ownLocks         the locks this node owns (as the owner sees them)
 */
public record LockspaceSnapshot(String name, List<ResourceInfo> mastered, int directoryEntries,
                                List<LockInfo> ownLocks) { }
