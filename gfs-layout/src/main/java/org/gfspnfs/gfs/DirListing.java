package org.gfspnfs.gfs;

import java.util.List;

/**
 * A batch of directory entries in cookie order.
 *
 * @param entries entries after the requested cookie ("." and ".." are not included); their cookies are stored
 *                hash+sequence values, valid for the life of the directory whatever is added or removed
 * @param eof     true if no entry follows the last one returned
 */
public record DirListing(List<DirEntry> entries, boolean eof) {
}
