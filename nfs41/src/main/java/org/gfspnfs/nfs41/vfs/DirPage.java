package org.gfspnfs.nfs41.vfs;

import java.util.List;

/**
 * A run of directory entries. {@code verifier} identifies the cookie space: when it changes, old cookies are no
 * longer valid (NFS4ERR_NOT_SAME / NFS4ERR_BAD_COOKIE). {@code eof} is true when the last entry was reached.
 */
public record DirPage(List<DirEntry> entries, long verifier, boolean eof) {
}
