package org.gfspnfs.nfs41.vfs;

/**
 * One directory entry. {@code cookie} resumes the listing after this entry; it must be greater than 2 (NFSv4
 * reserves 0, 1 and 2, RFC 8881 section 18.23.3) and stable for as long as the directory verifier is unchanged.
 */
public record DirEntry(String name, long cookie, Inode inode, Stat stat) {
}
