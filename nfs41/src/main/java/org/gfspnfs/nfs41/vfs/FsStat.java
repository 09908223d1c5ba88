package org.gfspnfs.nfs41.vfs;

/** Space and file counts of the filesystem (space_*, files_* attributes, RFC 8881 section 5.8.2). */
public record FsStat(long totalBytes, long freeBytes, long availBytes, long totalFiles, long freeFiles,
                     long availFiles) {
}
