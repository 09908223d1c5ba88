package org.gfspnfs.dlm.api.query;

import java.util.List;

import org.gfspnfs.dlm.api.LockValueBlock;

/**
 * A resource as its master sees it: the three queues in order and the value block.
 *
 * @param name       resource name (printable form)
 * @param master     node id of the master
 * @param directory  node id of the directory node under the current view
 * @param valueBlock the resource's LVB and whether it is valid
 * @param granted    grant queue
 * @param converting convert queue, in order
 * @param waiting    wait queue, in order
 */
public record ResourceInfo(String name, int master, int directory, LockValueBlock valueBlock,
                           List<LockInfo> granted, List<LockInfo> converting, List<LockInfo> waiting) { }
