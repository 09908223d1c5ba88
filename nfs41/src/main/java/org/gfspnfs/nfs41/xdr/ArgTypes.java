package org.gfspnfs.nfs41.xdr;

import java.util.Map;
import java.util.function.Supplier;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrVoid;

/**
 * Which argument type each operation number decodes into (nfs_argop4, RFC 5662). Operations that NFSv4.1 forbids
 * or that this server does not implement decode as void: they fail with NFS4ERR_NOTSUPP and end the compound, so
 * the rest of the request is never looked at.
 */
public final class ArgTypes {
    private static final Map<Integer, Supplier<XdrAble>> TYPES = Map.ofEntries(
            Map.entry(Op.ACCESS, Access4Args::new),
            Map.entry(Op.CLOSE, Close4Args::new),
            Map.entry(Op.COMMIT, Commit4Args::new),
            Map.entry(Op.CREATE, Create4Args::new),
            Map.entry(Op.DELEGPURGE, ClientId4::new),
            Map.entry(Op.DELEGRETURN, Stateid4::new),
            Map.entry(Op.GETATTR, Bitmap4::new),
            Map.entry(Op.GETFH, XdrVoid::new),
            Map.entry(Op.LINK, Component4::new),
            Map.entry(Op.LOCK, Lock4Args::new),
            Map.entry(Op.LOCKT, Lockt4Args::new),
            Map.entry(Op.LOCKU, Locku4Args::new),
            Map.entry(Op.LOOKUP, Component4::new),
            Map.entry(Op.LOOKUPP, XdrVoid::new),
            Map.entry(Op.NVERIFY, Fattr4::new),
            Map.entry(Op.OPEN, Open4Args::new),
            Map.entry(Op.OPENATTR, Bool4::new),
            Map.entry(Op.OPEN_CONFIRM, XdrVoid::new),
            Map.entry(Op.OPEN_DOWNGRADE, OpenDowngrade4Args::new),
            Map.entry(Op.PUTFH, NfsFh4::new),
            Map.entry(Op.PUTPUBFH, XdrVoid::new),
            Map.entry(Op.PUTROOTFH, XdrVoid::new),
            Map.entry(Op.READ, Read4Args::new),
            Map.entry(Op.READDIR, Readdir4Args::new),
            Map.entry(Op.READLINK, XdrVoid::new),
            Map.entry(Op.REMOVE, Component4::new),
            Map.entry(Op.RENAME, Rename4Args::new),
            Map.entry(Op.RENEW, XdrVoid::new),
            Map.entry(Op.RESTOREFH, XdrVoid::new),
            Map.entry(Op.SAVEFH, XdrVoid::new),
            Map.entry(Op.SECINFO, Component4::new),
            Map.entry(Op.SETATTR, SetAttr4Args::new),
            Map.entry(Op.SETCLIENTID, XdrVoid::new),
            Map.entry(Op.SETCLIENTID_CONFIRM, XdrVoid::new),
            Map.entry(Op.VERIFY, Fattr4::new),
            Map.entry(Op.WRITE, Write4Args::new),
            Map.entry(Op.RELEASE_LOCKOWNER, XdrVoid::new),
            Map.entry(Op.BACKCHANNEL_CTL, BackchannelCtl4Args::new),
            Map.entry(Op.BIND_CONN_TO_SESSION, BindConnToSession4Args::new),
            Map.entry(Op.EXCHANGE_ID, ExchangeId4Args::new),
            Map.entry(Op.CREATE_SESSION, CreateSession4Args::new),
            Map.entry(Op.DESTROY_SESSION, SessionId4::new),
            Map.entry(Op.FREE_STATEID, Stateid4::new),
            Map.entry(Op.GET_DIR_DELEGATION, XdrVoid::new),
            Map.entry(Op.GETDEVICEINFO, GetDeviceInfo4Args::new),
            Map.entry(Op.GETDEVICELIST, GetDeviceList4Args::new),
            Map.entry(Op.LAYOUTCOMMIT, LayoutCommit4Args::new),
            Map.entry(Op.LAYOUTGET, LayoutGet4Args::new),
            Map.entry(Op.LAYOUTRETURN, LayoutReturn4Args::new),
            Map.entry(Op.SECINFO_NO_NAME, SecinfoNoName4Args::new),
            Map.entry(Op.SEQUENCE, Sequence4Args::new),
            Map.entry(Op.SET_SSV, XdrVoid::new),
            Map.entry(Op.TEST_STATEID, TestStateid4Args::new),
            Map.entry(Op.WANT_DELEGATION, XdrVoid::new),
            Map.entry(Op.DESTROY_CLIENTID, ClientId4::new),
            Map.entry(Op.RECLAIM_COMPLETE, Bool4::new));

    private ArgTypes() {
    }

    /** A fresh argument object for {@code opnum}, or null if the number is not an NFSv4.1 operation. */
    public static XdrAble newArgs(int opnum) {
        Supplier<XdrAble> s = TYPES.get(opnum);
        return s == null ? null : s.get();
    }
}
