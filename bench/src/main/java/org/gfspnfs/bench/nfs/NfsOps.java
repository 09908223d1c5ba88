package org.gfspnfs.bench.nfs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.AuthSysParms4;
import org.gfspnfs.nfs41.xdr.Bitmap4;
import org.gfspnfs.nfs41.xdr.Bool4;
import org.gfspnfs.nfs41.xdr.CallbackSecParms4;
import org.gfspnfs.nfs41.xdr.ChannelAttrs4;
import org.gfspnfs.nfs41.xdr.ClientId4;
import org.gfspnfs.nfs41.xdr.ClientOwner4;
import org.gfspnfs.nfs41.xdr.Close4Args;
import org.gfspnfs.nfs41.xdr.Commit4Args;
import org.gfspnfs.nfs41.xdr.Component4;
import org.gfspnfs.nfs41.xdr.Create4Args;
import org.gfspnfs.nfs41.xdr.CreateSession4Args;
import org.gfspnfs.nfs41.xdr.ExchangeId4Args;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.FileType4;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Open4Args;
import org.gfspnfs.nfs41.xdr.Read4Args;
import org.gfspnfs.nfs41.xdr.Readdir4Args;
import org.gfspnfs.nfs41.xdr.Sequence4Args;
import org.gfspnfs.nfs41.xdr.SessionId4;
import org.gfspnfs.nfs41.xdr.StateOwner4;
import org.gfspnfs.nfs41.xdr.StateProtect4A;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.Write4Args;

/** Builders of the operations the load generator sends (argument shapes per RFC 5662). */
final class NfsOps {
    /** OPEN4_SHARE_ACCESS_* and OPEN4_SHARE_ACCESS_WANT_NO_DELEG (RFC 8881 section 18.16.3). */
    static final int ACCESS_READ = 1;
    static final int ACCESS_WRITE = 2;
    static final int ACCESS_BOTH = 3;
    static final int WANT_NO_DELEG = 0x0400;
    /** stable_how4. */
    static final int UNSTABLE4 = 0;
    static final int FILE_SYNC4 = 2;
    /** layouttype4 LAYOUT4_NFSV4_1_FILES and layoutiomode4 (RFC 8881 section 3.3.20). */
    static final int LAYOUT4_NFSV4_1_FILES = 1;
    static final int IOMODE_READ = 1;
    static final int IOMODE_RW = 2;
    static final long ALL_ONES = -1L;

    private NfsOps() {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ArgOp4 exchangeId(byte[] owner, byte[] verifier) {
        return new ArgOp4(Op.EXCHANGE_ID, new ExchangeId4Args(new ClientOwner4(verifier, owner), 0,
                new StateProtect4A(StateProtect4A.SP4_NONE), new ArrayList<>()));
    }

    /** CREATE_SESSION without a backchannel (flags 0): the load generator never holds delegations. */
    static ArgOp4 createSession(long clientId, int seq, ChannelAttrs4 fore) {
        ChannelAttrs4 back = new ChannelAttrs4(0, 4096, 4096, 0, 2, 1, new int[0]);
        AuthSysParms4 sys = new AuthSysParms4(0, "gfspnfs-loadgen", 0, 0, new int[0]);
        return new ArgOp4(Op.CREATE_SESSION, new CreateSession4Args(clientId, seq, 0, fore, back, 0x40000001,
                List.of(new CallbackSecParms4(CallbackSecParms4.AUTH_SYS, sys))));
    }

    static ArgOp4 sequence(byte[] sessionId, int seq, int slot, int highestSlot) {
        return new ArgOp4(Op.SEQUENCE, new Sequence4Args(sessionId, seq, slot, highestSlot, false));
    }

    static ArgOp4 reclaimComplete() {
        return new ArgOp4(Op.RECLAIM_COMPLETE, new Bool4(false));
    }

    static ArgOp4 destroySession(byte[] id) {
        return new ArgOp4(Op.DESTROY_SESSION, new SessionId4(id));
    }

    static ArgOp4 destroyClientId(long id) {
        return new ArgOp4(Op.DESTROY_CLIENTID, new ClientId4(id));
    }

    static ArgOp4 putRootFh() {
        return new ArgOp4(Op.PUTROOTFH, new XdrVoid());
    }

    static ArgOp4 putFh(byte[] fh) {
        return new ArgOp4(Op.PUTFH, new NfsFh4(fh));
    }

    static ArgOp4 getFh() {
        return new ArgOp4(Op.GETFH, new XdrVoid());
    }

    static ArgOp4 lookup(String name) {
        return new ArgOp4(Op.LOOKUP, new Component4(utf8(name)));
    }

    static ArgOp4 getattr(int... attrs) {
        return new ArgOp4(Op.GETATTR, new Bitmap4(Bitmaps.of(attrs)));
    }

    static ArgOp4 mkdir(String name, Fattr4 attrs) {
        Create4Args a = new Create4Args();
        a.type = FileType4.NF4DIR;
        a.name = utf8(name);
        a.attrs = attrs;
        return new ArgOp4(Op.CREATE, a);
    }

    static ArgOp4 remove(String name) {
        return new ArgOp4(Op.REMOVE, new Component4(utf8(name)));
    }

    static ArgOp4 readdir(long cookie, byte[] verf, int maxCount, int[] attrs) {
        return new ArgOp4(Op.READDIR, new Readdir4Args(cookie, verf, maxCount, maxCount, Bitmaps.of(attrs)));
    }

    /** OPEN by name, creating it (UNCHECKED4 with {@code attrs}) when {@code attrs} is not null. */
    static ArgOp4 open(long clientId, String owner, String name, int access, Fattr4 attrs) {
        Open4Args a = new Open4Args();
        a.shareAccess = access | WANT_NO_DELEG;
        a.shareDeny = 0;
        a.owner = new StateOwner4(clientId, utf8(owner));
        if (attrs != null) {
            a.openType = Open4Args.OPEN4_CREATE;
            a.createMode = Open4Args.UNCHECKED4;
            a.createAttrs = attrs;
        } else {
            a.openType = Open4Args.OPEN4_NOCREATE;
        }
        a.claimType = Open4Args.CLAIM_NULL;
        a.claimName = utf8(name);
        return new ArgOp4(Op.OPEN, a);
    }

    static ArgOp4 close(Stateid4 sid) {
        return new ArgOp4(Op.CLOSE, new Close4Args(0, sid));
    }

    static ArgOp4 read(Stateid4 sid, long offset, int count) {
        return new ArgOp4(Op.READ, new Read4Args(sid, offset, count));
    }

    static ArgOp4 write(Stateid4 sid, long offset, int stable, ByteBuffer data) {
        return new ArgOp4(Op.WRITE, new Write4Args(sid, offset, stable, data));
    }

    static ArgOp4 commit(long offset, int count) {
        return new ArgOp4(Op.COMMIT, new Commit4Args(offset, count));
    }

    static ArgOp4 layoutGet(Stateid4 sid, int ioMode, long offset, long length, long minLength, int maxCount) {
        return new ArgOp4(Op.LAYOUTGET, new LayoutGet4Args(false, LAYOUT4_NFSV4_1_FILES, ioMode, offset, length,
                minLength, sid, maxCount));
    }

    static ArgOp4 getDeviceInfo(byte[] deviceId, int maxCount) {
        return new ArgOp4(Op.GETDEVICEINFO, new GetDeviceInfo4Args(deviceId, LAYOUT4_NFSV4_1_FILES, maxCount,
                new int[0]));
    }

    /** LAYOUTCOMMIT of {@code [0, length)} with the last byte written (RFC 8881 section 18.42). */
    static ArgOp4 layoutCommit(Stateid4 layoutStateid, long length) {
        LayoutCommit4Args a = new LayoutCommit4Args();
        a.offset = 0;
        a.length = length;
        a.reclaim = false;
        a.stateid = layoutStateid;
        a.lastWriteOffset = length > 0 ? length - 1 : null;
        a.layoutType = LAYOUT4_NFSV4_1_FILES;
        return new ArgOp4(Op.LAYOUTCOMMIT, a);
    }

    /** LAYOUTRETURN of the whole file (LAYOUTRETURN4_FILE, iomode ANY). */
    static ArgOp4 layoutReturn(Stateid4 layoutStateid) {
        LayoutReturn4Args a = new LayoutReturn4Args();
        a.reclaim = false;
        a.layoutType = LAYOUT4_NFSV4_1_FILES;
        a.ioMode = 3;
        a.returnType = LayoutReturn4Args.RETURN_FILE;
        a.offset = 0;
        a.length = ALL_ONES;
        a.stateid = layoutStateid;
        return new ArgOp4(Op.LAYOUTRETURN, a);
    }

    /** The attributes a create sends: mode only. */
    static Fattr4 modeAttr(int mode) {
        return new Fattr4(Bitmaps.of(33), org.gfspnfs.nfs41.xdr.XdrBytes.encode(x -> x.xdrEncodeInt(mode)));
    }
}
