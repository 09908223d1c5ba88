package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * OPEN4resok (RFC 8881 section 18.16). open_delegation4 is OPEN_DELEGATE_NONE, OPEN_DELEGATE_NONE_EXT with a
 * reason, or OPEN_DELEGATE_READ / OPEN_DELEGATE_WRITE with the delegation stateid. A write delegation's space limit
 * ({@code nfs_space_limit4}) is always NFS_LIMIT_SIZE 0: no space is promised ahead of the holder's writes.
 */
public class Open4Res implements XdrAble {
    public static final int OPEN_DELEGATE_NONE = 0;
    public static final int OPEN_DELEGATE_READ = 1;
    public static final int OPEN_DELEGATE_WRITE = 2;
    /** limit_by4 NFS_LIMIT_SIZE. */
    private static final int NFS_LIMIT_SIZE = 1;
    private static final int NFS_LIMIT_BLOCKS = 2;
    public static final int OPEN_DELEGATE_NONE_EXT = 3;
    public static final int WND4_NOT_WANTED = 0;
    public static final int WND4_CONTENTION = 1;
    public static final int WND4_RESOURCE = 2;
    public static final int OPEN4_RESULT_LOCKTYPE_POSIX = 0x4;
    public static final int OPEN4_RESULT_PRESERVE_UNLINKED = 0x8;

    public Stateid4 stateid;
    public ChangeInfo4 cinfo;
    public int rflags;
    public int[] attrSet = new int[0];
    public int delegationType = OPEN_DELEGATE_NONE;
    public int whyNoDelegation;
    /** The delegation's stateid (OPEN_DELEGATE_READ, OPEN_DELEGATE_WRITE). */
    public Stateid4 delegationStateid;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        cinfo.xdrEncode(xdr);
        xdr.xdrEncodeInt(rflags);
        xdr.xdrEncodeIntVector(attrSet);
        xdr.xdrEncodeInt(delegationType);
        if (delegationType == OPEN_DELEGATE_READ) {
            delegationStateid.xdrEncode(xdr);
            xdr.xdrEncodeBoolean(false);
            // nfsace4: ALLOW (0), no flags, READ_DATA|READ_ATTRIBUTES, "EVERYONE@": the client still checks access.
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0x81);
            XdrBounds.utf8(xdr, "EVERYONE@");
        } else if (delegationType == OPEN_DELEGATE_WRITE) {
            delegationStateid.xdrEncode(xdr);
            xdr.xdrEncodeBoolean(false);
            xdr.xdrEncodeInt(NFS_LIMIT_SIZE);
            xdr.xdrEncodeLong(0);
            // nfsace4: ALLOW (0), no flags, an empty mask, "EVERYONE@": the client checks every access with ACCESS.
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0);
            xdr.xdrEncodeInt(0);
            XdrBounds.utf8(xdr, "EVERYONE@");
        } else if (delegationType == OPEN_DELEGATE_NONE_EXT) {
            xdr.xdrEncodeInt(whyNoDelegation);
            if (whyNoDelegation == WND4_CONTENTION || whyNoDelegation == WND4_RESOURCE) {
                xdr.xdrEncodeBoolean(false);
            }
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        cinfo = new ChangeInfo4();
        cinfo.xdrDecode(xdr);
        rflags = xdr.xdrDecodeInt();
        attrSet = XdrBounds.bitmap(xdr);
        delegationType = xdr.xdrDecodeInt();
        if (delegationType == OPEN_DELEGATE_READ || delegationType == OPEN_DELEGATE_WRITE) {
            delegationStateid = new Stateid4();
            delegationStateid.xdrDecode(xdr);
            XdrBounds.bool(xdr);
            if (delegationType == OPEN_DELEGATE_WRITE) {
                decodeSpaceLimit(xdr);
            }
            xdr.xdrDecodeInt();
            xdr.xdrDecodeInt();
            xdr.xdrDecodeInt();
            XdrBounds.utf8(xdr, XdrBounds.OPAQUE_LIMIT);
        } else if (delegationType == OPEN_DELEGATE_NONE_EXT) {
            whyNoDelegation = xdr.xdrDecodeInt();
            if (whyNoDelegation == WND4_CONTENTION || whyNoDelegation == WND4_RESOURCE) {
                XdrBounds.bool(xdr);
            }
        } else if (delegationType != OPEN_DELEGATE_NONE) {
            throw new XdrBounds.BadXdrLengthException(delegationType, OPEN_DELEGATE_NONE_EXT);
        }
    }

    private static void decodeSpaceLimit(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int limitBy = xdr.xdrDecodeInt();
        if (limitBy == NFS_LIMIT_SIZE) {
            xdr.xdrDecodeLong();
        } else if (limitBy == NFS_LIMIT_BLOCKS) {
            xdr.xdrDecodeInt();
            xdr.xdrDecodeInt();
        } else {
            throw new XdrBounds.BadXdrLengthException(limitBy, NFS_LIMIT_BLOCKS);
        }
    }
}
