package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.gfspnfs.nfs41.status.NfsStat;

/**
 * COMPOUND4args (RFC 8881 section 16.2). Decoding never fails past the header: the operations are decoded one by
 * one and decoding stops at the first one that is unknown (NFS4ERR_OP_ILLEGAL), malformed (NFS4ERR_BADXDR) or one
 * too many (NFS4ERR_TOO_MANY_OPS); the executor runs what came before it and then reports that status, as
 * RFC 8881 section 15.2 requires.
 */
public class CompoundArgs4 implements XdrAble {
    public byte[] tag = new byte[0];
    public int minorVersion;
    public List<ArgOp4> ops = new ArrayList<>();
    /** Status of the first operation that could not be decoded, or NFS4_OK. */
    public int decodeStatus = NfsStat.NFS4_OK;
    /** The opnum the undecodable operation carried (OP_ILLEGAL for unknown numbers). */
    public int decodeFailedOpnum;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeDynamicOpaque(tag);
        xdr.xdrEncodeInt(minorVersion);
        xdr.xdrEncodeInt(ops.size());
        for (ArgOp4 op : ops) {
            op.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        tag = XdrBounds.opaque(xdr, XdrBounds.OPAQUE_LIMIT);
        minorVersion = xdr.xdrDecodeInt();
        int count = xdr.xdrDecodeInt();
        if (count < 0 || count > XdrBounds.MAX_OPS) {
            decodeStatus = NfsStat.NFS4ERR_TOO_MANY_OPS;
            decodeFailedOpnum = Op.ILLEGAL;
            count = XdrBounds.MAX_OPS;
            // RFC 8881 15.2: the server still processes up to its limit; we decode the first MAX_OPS.
        }
        ops = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            if (!decodeOne(xdr)) {
                return;
            }
        }
    }

    private boolean decodeOne(XdrDecodingStream xdr) {
        int opnum;
        try {
            opnum = xdr.xdrDecodeInt();
        } catch (IOException | RuntimeException e) {
            fail(NfsStat.NFS4ERR_BADXDR, Op.ILLEGAL);
            return false;
        }
        XdrAble args = ArgTypes.newArgs(opnum);
        if (args == null) {
            fail(NfsStat.NFS4ERR_OP_ILLEGAL, Op.ILLEGAL);
            return false;
        }
        try {
            args.xdrDecode(xdr);
        } catch (IOException | RuntimeException e) {
            fail(NfsStat.NFS4ERR_BADXDR, opnum);
            return false;
        }
        ops.add(new ArgOp4(opnum, args));
        return true;
    }

    private void fail(int status, int opnum) {
        decodeStatus = status;
        decodeFailedOpnum = opnum;
    }
}
