package org.gfspnfs.mds.vfs;

import org.gfspnfs.nfs41.vfs.Inode;

/**
 * Told when the data layout of a file stops being valid: it was truncated, or it lost a name by REMOVE or by a
 * RENAME over it. pNFS layouts of the file must then be recalled (CB_LAYOUTRECALL, RFC 8881 section 12.5.5) so
 * no client keeps writing through data servers into blocks that are gone. The layout manager implements it
 * ({@code FilesLayoutProvider.recallFile}); called after the change is done, never under a glock.
 */
@FunctionalInterface
public interface LayoutInvalidation {
    /** Nothing to recall (a server without pNFS). */
    LayoutInvalidation NONE = file -> { };

    void invalidated(Inode file);
}
