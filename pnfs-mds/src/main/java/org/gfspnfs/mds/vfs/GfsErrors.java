package org.gfspnfs.mds.vfs;

import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.ExistException;
import org.gfspnfs.nfs41.status.FBigException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.IoException;
import org.gfspnfs.nfs41.status.IsDirException;
import org.gfspnfs.nfs41.status.MLinkException;
import org.gfspnfs.nfs41.status.NameTooLongException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.NoSpcException;
import org.gfspnfs.nfs41.status.NotDirException;
import org.gfspnfs.nfs41.status.NotEmptyException;
import org.gfspnfs.nfs41.status.RofsException;
import org.gfspnfs.nfs41.status.StaleException;
import org.gfspnfs.nfs41.status.XdevException;

/**
 * THE translation of gfs-layout failures into NFSv4.1 statuses (RFC 8881 section 15.1 maps the POSIX errors one
 * to one). Every {@link GfsException} carries an {@link org.gfspnfs.gfs.Errno}; nothing here matches messages.
 */
final class GfsErrors {
    private GfsErrors() {
    }

    static NfsException toNfs(GfsException e) {
        String m = e.getMessage();
        return switch (e.errno()) {
            case ENOENT -> new NoEntException(m, e);
            case EIO -> new IoException(m, e);
            // A glock another node will not give up right now: the client retries (NFS4ERR_DELAY).
            case EAGAIN -> new DelayException(m, e);
            case EEXIST -> new ExistException(m, e);
            case EXDEV -> new XdevException(m, e);
            case ENOTDIR -> new NotDirException(m, e);
            case EISDIR -> new IsDirException(m, e);
            case EINVAL -> new InvalException(m, e);
            case EFBIG -> new FBigException(m, e);
            case ENOSPC -> new NoSpcException(m, e);
            case EROFS -> new RofsException(m, e);
            case EMLINK -> new MLinkException(m, e);
            case ENAMETOOLONG -> new NameTooLongException(m, e);
            case ENOTEMPTY -> new NotEmptyException(m, e);
            // ELOOP comes from renaming a directory below itself; knfsd answers that with NFS4ERR_INVAL.
            case ELOOP -> new InvalException(m, e);
            case ESTALE -> new StaleException(m, e);
        };
    }
}
