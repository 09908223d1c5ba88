package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfsv4_1_file_layout4 (RFC 8881 section 13.3): device, stripe unit and flags, first stripe index, pattern offset, and the file handles on the data servers. */
public class FileLayout4 implements XdrAble {
    public byte[] deviceId;
    public int util;
    public int firstStripeIndex;
    public long patternOffset;
    public List<NfsFh4> fhList;

    public FileLayout4() {
    }

    public FileLayout4(byte[] deviceId, int util, int firstStripeIndex, long patternOffset, List<NfsFh4> fhList) {
        this.deviceId = deviceId;
        this.util = util;
        this.firstStripeIndex = firstStripeIndex;
        this.patternOffset = patternOffset;
        this.fhList = fhList;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(deviceId, 16);
        xdr.xdrEncodeInt(util);
        xdr.xdrEncodeInt(firstStripeIndex);
        xdr.xdrEncodeLong(patternOffset);
        xdr.xdrEncodeInt(fhList.size());
        for (NfsFh4 e : fhList) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        deviceId = XdrBounds.fixed(xdr, 16);
        util = xdr.xdrDecodeInt();
        firstStripeIndex = xdr.xdrDecodeInt();
        patternOffset = xdr.xdrDecodeLong();
        int fhListCount = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        fhList = new ArrayList<>(fhListCount);
        for (int i = 0; i < fhListCount; i++) {
            NfsFh4 e = new NfsFh4();
            e.xdrDecode(xdr);
            fhList.add(e);
        }
    }
}
