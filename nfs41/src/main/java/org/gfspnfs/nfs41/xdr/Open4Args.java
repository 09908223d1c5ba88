package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * OPEN4args (RFC 8881 section 18.16). The openflag4/createhow4 and open_claim4 unions are flattened into fields
 * that are set only for their arm.
 */
public class Open4Args implements XdrAble {
    public static final int OPEN4_NOCREATE = 0;
    public static final int OPEN4_CREATE = 1;
    public static final int UNCHECKED4 = 0;
    public static final int GUARDED4 = 1;
    public static final int EXCLUSIVE4 = 2;
    public static final int EXCLUSIVE4_1 = 3;
    public static final int CLAIM_NULL = 0;
    public static final int CLAIM_PREVIOUS = 1;
    public static final int CLAIM_DELEGATE_CUR = 2;
    public static final int CLAIM_DELEGATE_PREV = 3;
    public static final int CLAIM_FH = 4;
    public static final int CLAIM_DELEG_PREV_FH = 5;
    public static final int CLAIM_DELEG_CUR_FH = 6;

    public int seqid;
    public int shareAccess;
    public int shareDeny;
    public StateOwner4 owner;
    public int openType;
    public int createMode;
    public Fattr4 createAttrs;
    public byte[] createVerifier;
    public int claimType;
    public byte[] claimName;
    public int claimDelegateType;
    public Stateid4 claimStateid;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(seqid);
        xdr.xdrEncodeInt(shareAccess);
        xdr.xdrEncodeInt(shareDeny);
        owner.xdrEncode(xdr);
        xdr.xdrEncodeInt(openType);
        if (openType == OPEN4_CREATE) {
            xdr.xdrEncodeInt(createMode);
            if (createMode == UNCHECKED4 || createMode == GUARDED4) {
                createAttrs.xdrEncode(xdr);
            } else {
                xdr.xdrEncodeOpaque(createVerifier, 8);
                if (createMode == EXCLUSIVE4_1) {
                    createAttrs.xdrEncode(xdr);
                }
            }
        }
        xdr.xdrEncodeInt(claimType);
        switch (claimType) {
            case CLAIM_NULL:
            case CLAIM_DELEGATE_PREV:
                xdr.xdrEncodeDynamicOpaque(claimName);
                break;
            case CLAIM_PREVIOUS:
                xdr.xdrEncodeInt(claimDelegateType);
                break;
            case CLAIM_DELEGATE_CUR:
                claimStateid.xdrEncode(xdr);
                xdr.xdrEncodeDynamicOpaque(claimName);
                break;
            case CLAIM_DELEG_CUR_FH:
                claimStateid.xdrEncode(xdr);
                break;
            default:
                break;
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        seqid = xdr.xdrDecodeInt();
        shareAccess = xdr.xdrDecodeInt();
        shareDeny = xdr.xdrDecodeInt();
        owner = new StateOwner4();
        owner.xdrDecode(xdr);
        openType = xdr.xdrDecodeInt();
        if (openType == OPEN4_CREATE) {
            decodeCreateHow(xdr);
        } else if (openType != OPEN4_NOCREATE) {
            throw new XdrBounds.BadXdrLengthException(openType, OPEN4_CREATE);
        }
        claimType = xdr.xdrDecodeInt();
        switch (claimType) {
            case CLAIM_NULL:
            case CLAIM_DELEGATE_PREV:
                claimName = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
                break;
            case CLAIM_PREVIOUS:
                claimDelegateType = xdr.xdrDecodeInt();
                break;
            case CLAIM_DELEGATE_CUR:
                claimStateid = new Stateid4();
                claimStateid.xdrDecode(xdr);
                claimName = XdrBounds.opaque(xdr, XdrBounds.NAME_LIMIT);
                break;
            case CLAIM_DELEG_CUR_FH:
                claimStateid = new Stateid4();
                claimStateid.xdrDecode(xdr);
                break;
            case CLAIM_FH:
            case CLAIM_DELEG_PREV_FH:
                break;
            default:
                throw new XdrBounds.BadXdrLengthException(claimType, CLAIM_DELEG_CUR_FH);
        }
    }

    private void decodeCreateHow(XdrDecodingStream xdr) throws OncRpcException, IOException {
        createMode = xdr.xdrDecodeInt();
        switch (createMode) {
            case UNCHECKED4:
            case GUARDED4:
                createAttrs = new Fattr4();
                createAttrs.xdrDecode(xdr);
                break;
            case EXCLUSIVE4:
                createVerifier = XdrBounds.fixed(xdr, 8);
                break;
            case EXCLUSIVE4_1:
                createVerifier = XdrBounds.fixed(xdr, 8);
                createAttrs = new Fattr4();
                createAttrs.xdrDecode(xdr);
                break;
            default:
                throw new XdrBounds.BadXdrLengthException(createMode, EXCLUSIVE4_1);
        }
    }
}
