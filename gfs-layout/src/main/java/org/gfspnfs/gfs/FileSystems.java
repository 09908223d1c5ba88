package org.gfspnfs.gfs;

import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;

/** Entry point: mounts a formatted device (see {@link Mkfs} to format one). */
public final class FileSystems {
    private FileSystems() {
    }

    /**
     * Mounts {@code device} as node slot {@code options.journalId()}: checks the superblock (refusing a bad magic or
     * a newer format), joins the lockspace named by the lock table, takes the journal's glock (failing with
     * {@link Errno#EAGAIN} if another mount holds it), replays the journal and returns the mounted filesystem.
     */
    public static FileSystem mount(BlockDevice device, MountOptions options) throws GfsException {
        return GfsMounter.mount(device, options);
    }
}
