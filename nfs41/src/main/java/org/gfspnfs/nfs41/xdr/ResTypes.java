package org.gfspnfs.nfs41.xdr;

import java.util.Map;
import java.util.function.Supplier;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.status.NfsStat;

/**
 * Which result body each operation carries (nfs_resop4, RFC 5662), for decoding replies (the test client and
 * tools). A body is present only with NFS4_OK, except LOCK/LOCKT with NFS4ERR_DENIED (LOCK4denied) and SETATTR,
 * which always returns its bitmap.
 */
public final class ResTypes {
    private static final Map<Integer, Supplier<XdrAble>> OK_BODIES = Map.ofEntries(
            Map.entry(Op.ACCESS, Access4Res::new),
            Map.entry(Op.CLOSE, Stateid4::new),
            Map.entry(Op.COMMIT, Verifier4::new),
            Map.entry(Op.CREATE, Create4Res::new),
            Map.entry(Op.GETATTR, Fattr4::new),
            Map.entry(Op.GETFH, NfsFh4::new),
            Map.entry(Op.LINK, ChangeInfo4::new),
            Map.entry(Op.LOCK, Stateid4::new),
            Map.entry(Op.LOCKU, Stateid4::new),
            Map.entry(Op.OPEN, Open4Res::new),
            Map.entry(Op.OPEN_DOWNGRADE, Stateid4::new),
            Map.entry(Op.READ, Read4Res::new),
            Map.entry(Op.READDIR, Readdir4Res::new),
            Map.entry(Op.READLINK, Readlink4Res::new),
            Map.entry(Op.REMOVE, ChangeInfo4::new),
            Map.entry(Op.RENAME, Rename4Res::new),
            Map.entry(Op.SECINFO, Secinfo4Res::new),
            Map.entry(Op.SECINFO_NO_NAME, Secinfo4Res::new),
            Map.entry(Op.WRITE, Write4Res::new),
            Map.entry(Op.BIND_CONN_TO_SESSION, BindConnToSession4Res::new),
            Map.entry(Op.EXCHANGE_ID, ExchangeId4Res::new),
            Map.entry(Op.CREATE_SESSION, CreateSession4Res::new),
            Map.entry(Op.SEQUENCE, Sequence4Res::new),
            Map.entry(Op.TEST_STATEID, TestStateid4Res::new),
            Map.entry(Op.LAYOUTGET, LayoutGet4Res::new),
            Map.entry(Op.GETDEVICEINFO, GetDeviceInfo4Res::new),
            Map.entry(Op.GETDEVICELIST, GetDeviceList4Res::new),
            Map.entry(Op.LAYOUTCOMMIT, LayoutCommit4Res::new),
            Map.entry(Op.LAYOUTRETURN, OptionalStateid4::new));

    private ResTypes() {
    }

    /** A fresh body object for this result, or null when the result is void. */
    public static XdrAble newBody(int opnum, int status) {
        if (opnum == Op.SETATTR) {
            return new Bitmap4();
        }
        if (status == NfsStat.NFS4ERR_DENIED && (opnum == Op.LOCK || opnum == Op.LOCKT)) {
            return new LockDenied4();
        }
        if (status != NfsStat.NFS4_OK) {
            return null;
        }
        Supplier<XdrAble> s = OK_BODIES.get(opnum);
        return s == null ? null : s.get();
    }
}
