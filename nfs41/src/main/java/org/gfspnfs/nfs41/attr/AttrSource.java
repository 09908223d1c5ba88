package org.gfspnfs.nfs41.attr;

import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.FsInfo;
import org.gfspnfs.nfs41.vfs.FsStat;
import org.gfspnfs.nfs41.vfs.Stat;

/** What the encoder reads attributes from: one object's Stat and handle, and its filesystem. */
public record AttrSource(Stat stat, byte[] fileHandle, FsInfo fsInfo, FsStatSupplier fsStat) {

    /** Fetches space and file counts only when one of those attributes is asked for. */
    @FunctionalInterface
    public interface FsStatSupplier {
        FsStat get() throws NfsException;
    }
}
