package org.gfspnfs.nfs41.xdr;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** authsys_parms (RFC 5531): the AUTH_SYS credential the server uses on the backchannel. */
public class AuthSysParms4 implements XdrAble {
    public int stamp;
    public String machineName;
    public int uid;
    public int gid;
    public int[] gids;

    public AuthSysParms4() {
    }

    public AuthSysParms4(int stamp, String machineName, int uid, int gid, int[] gids) {
        this.stamp = stamp;
        this.machineName = machineName;
        this.uid = uid;
        this.gid = gid;
        this.gids = gids;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(stamp);
        XdrBounds.utf8(xdr, machineName);
        xdr.xdrEncodeInt(uid);
        xdr.xdrEncodeInt(gid);
        xdr.xdrEncodeIntVector(gids);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stamp = xdr.xdrDecodeInt();
        machineName = XdrBounds.utf8(xdr, 255);
        uid = xdr.xdrDecodeInt();
        gid = xdr.xdrDecodeInt();
        gids = new int[XdrBounds.count(xdr, 16)];
        for (int i = 0; i < gids.length; i++) {
            gids[i] = xdr.xdrDecodeInt();
        }
    }
}
