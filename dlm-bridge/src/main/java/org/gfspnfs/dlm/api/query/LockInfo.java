package org.gfspnfs.dlm.api.query;

import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;

/**
 * One lock as its master (queue view) or owner sees it.
 *
 * @param id        lock id (its node is the owner)
 * @param holder    holder id within the owner node
 * @param granted   granted mode, or null
 * @param requested mode of the outstanding request/conversion, or null
 * @param queue     where it sits at the master: GRANTED, CONVERTING or WAITING
 */
public record LockInfo(LockId id, long holder, LockMode granted, LockMode requested, String queue) { }
