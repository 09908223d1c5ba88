package org.gfspnfs.mds.layout;

import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.FBigException;
import org.gfspnfs.nfs41.status.IoException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoSpcException;
import org.gfspnfs.nfs41.status.RofsException;
import org.gfspnfs.nfs41.status.StaleException;

/** The one place where filesystem errors on the layout path become NFS statuses. */
final class LayoutErrors {
    private LayoutErrors() {
    }

    static NfsException toNfs(GfsException e) {
        String m = e.getMessage();
        return switch (e.errno()) {
            // The file went away under the layout: the handle is stale for the client.
            case ENOENT, ESTALE -> new StaleException(m, e);
            case ENOSPC -> new NoSpcException(m, e);
            case EFBIG -> new FBigException(m, e);
            case EROFS -> new RofsException(m, e);
            case EAGAIN -> new DelayException(m, e);
            default -> new IoException(m, e);
        };
    }
}
