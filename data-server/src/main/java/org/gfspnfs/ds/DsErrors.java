package org.gfspnfs.ds;

import java.io.IOException;

import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.FBigException;
import org.gfspnfs.nfs41.status.IoException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoSpcException;
import org.gfspnfs.nfs41.status.RofsException;
import org.gfspnfs.nfs41.status.StaleException;

/** The one place where filesystem and device errors on the data server become NFS statuses. */
final class DsErrors {
    private DsErrors() {
    }

    static NfsException toNfs(GfsException e) {
        String m = e.getMessage();
        return switch (e.errno()) {
            case ENOENT, ESTALE -> new StaleException(m, e);
            case ENOSPC -> new NoSpcException(m, e);
            case EFBIG -> new FBigException(m, e);
            case EROFS -> new RofsException(m, e);
            // A glock another node will not give up right now: the client retries.
            case EAGAIN -> new DelayException(m, e);
            default -> new IoException(m, e);
        };
    }

    /** No answer from the MDS: the client retries (NFS4ERR_DELAY), it does not fall back or fail. */
    static NfsException toNfs(MetadataServerUnavailableException e) {
        return new DelayException("metadata server unavailable: " + e.getMessage(), e);
    }

    static NfsException toNfs(IOException e) {
        return new IoException("shared device: " + e.getMessage(), e);
    }
}
