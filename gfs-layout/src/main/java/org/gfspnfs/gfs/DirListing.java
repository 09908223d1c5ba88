package org.gfspnfs.gfs;

import java.util.List;

/**
 * A batch of directory entries in cookie order.
 *
 * @param entries  entries after the requested cookie ("." and ".." are not included)
 * @param eof      true if no entry follows the last one returned
 * @param verifier cookie verifier (RFC 8881 section 18.23): constant for the life of the directory, since its
 *                 cookies never become invalid
 */
public record DirListing(List<DirEntry> entries, boolean eof, long verifier) {
}
