package org.gfspnfs.nfs41.attr;

import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.vfs.FsInfo;
import org.gfspnfs.nfs41.vfs.FsStat;
import org.gfspnfs.nfs41.vfs.Stat;

/**
 * What the encoder reads attributes from: one object's Stat and handle, and its filesystem. {@code layoutTypes}
 * gives fs_layout_types (RFC 8881 section 5.12.1) for the object's export; null means the server's types. The
 * handle is encoded only when the filehandle attribute is asked for (a READDIR entry seldom asks).
 */
public record AttrSource(Stat stat, HandleSupplier handle, FsInfo fsInfo, FsStatSupplier fsStat,
                         LayoutTypesSupplier layoutTypes) {

    public AttrSource(Stat stat, byte[] fileHandle, FsInfo fsInfo, FsStatSupplier fsStat) {
        this(stat, () -> fileHandle, fsInfo, fsStat, null);
    }

    /** The object's file handle, encoded now. */
    public byte[] fileHandle() {
        return handle.get();
    }

    /** The object's handle, encoded when asked for. */
    @FunctionalInterface
    public interface HandleSupplier {
        byte[] get();
    }

    /** The layout types of the object's export, looked up only when fs_layout_types is asked for. */
    @FunctionalInterface
    public interface LayoutTypesSupplier {
        int[] get();
    }

    /** Fetches space and file counts only when one of those attributes is asked for. */
    @FunctionalInterface
    public interface FsStatSupplier {
        FsStat get() throws NfsException;
    }
}
