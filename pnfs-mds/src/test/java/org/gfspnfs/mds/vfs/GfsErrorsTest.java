package org.gfspnfs.mds.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.gfspnfs.gfs.Errno;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.junit.jupiter.api.Test;

class GfsErrorsTest {

    /** RFC 8881 section 15.1 / knfsd's nfserrno(): what a client sees for each filesystem error. */
    private static final Map<Errno, Integer> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Errno.ENOENT, NfsStat.NFS4ERR_NOENT),
            Map.entry(Errno.EIO, NfsStat.NFS4ERR_IO),
            Map.entry(Errno.EAGAIN, NfsStat.NFS4ERR_DELAY),
            Map.entry(Errno.EEXIST, NfsStat.NFS4ERR_EXIST),
            Map.entry(Errno.EXDEV, NfsStat.NFS4ERR_XDEV),
            Map.entry(Errno.ENOTDIR, NfsStat.NFS4ERR_NOTDIR),
            Map.entry(Errno.EISDIR, NfsStat.NFS4ERR_ISDIR),
            Map.entry(Errno.EINVAL, NfsStat.NFS4ERR_INVAL),
            Map.entry(Errno.EFBIG, NfsStat.NFS4ERR_FBIG),
            Map.entry(Errno.ENOSPC, NfsStat.NFS4ERR_NOSPC),
            Map.entry(Errno.EROFS, NfsStat.NFS4ERR_ROFS),
            Map.entry(Errno.EMLINK, NfsStat.NFS4ERR_MLINK),
            Map.entry(Errno.ENAMETOOLONG, NfsStat.NFS4ERR_NAMETOOLONG),
            Map.entry(Errno.ENOTEMPTY, NfsStat.NFS4ERR_NOTEMPTY),
            Map.entry(Errno.ELOOP, NfsStat.NFS4ERR_INVAL),
            Map.entry(Errno.ESTALE, NfsStat.NFS4ERR_STALE)));

    @Test
    void everyFilesystemError_reachesTheClientAsItsNfsStatus_withTheCauseKept() {
        for (Errno errno : Errno.values()) {
            GfsException cause = new GfsException(errno, "from gfs");
            NfsException e = GfsErrors.toNfs(cause);

            assertThat(EXPECTED).as("mapping documented for %s", errno).containsKey(errno);
            assertThat(e.status()).as("%s", errno).isEqualTo(EXPECTED.get(errno));
            assertThat(e.getCause()).isSameAs(cause);
        }
    }

    @Test
    void staleIsLoggedAsLostState_andDeviceErrorsAsServerFaults() {
        NfsException stale = GfsErrors.toNfs(new GfsException(Errno.ESTALE, "x"));
        NfsException io = GfsErrors.toNfs(new GfsException(Errno.EIO, "x"));

        assertThat(stale.kind()).isEqualTo(NfsException.Kind.LOST_STATE);
        assertThat(io.kind()).isEqualTo(NfsException.Kind.SERVER);
    }
}
