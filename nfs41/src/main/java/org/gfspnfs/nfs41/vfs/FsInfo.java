package org.gfspnfs.nfs41.vfs;

/**
 * Static properties of the filesystem the server publishes as attributes (RFC 8881 section 5.8): its fsid,
 * limits, and what it supports.
 */
public record FsInfo(long fsidMajor, long fsidMinor, long maxFileSize, int maxName, int maxLink,
                     boolean hardLinks, boolean symlinks) {
}
