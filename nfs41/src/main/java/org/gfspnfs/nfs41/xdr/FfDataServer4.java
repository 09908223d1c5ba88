package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * ff_data_server4 (RFC 8435 section 5.1): one data server of a mirror: its device, efficiency, the stateid to do
 * I/O with (tightly coupled: the layout stateid), the file handles (one per NFS version), and the synthetic
 * user/group for loosely coupled servers (numeric strings here).
 */
public class FfDataServer4 implements XdrAble {
    public byte[] deviceId;
    public int efficiency;
    public Stateid4 stateid;
    public List<NfsFh4> fhVersions;
    public String user;
    public String group;

    public FfDataServer4() {
    }

    public FfDataServer4(byte[] deviceId, int efficiency, Stateid4 stateid, List<NfsFh4> fhVersions, String user,
                         String group) {
        this.deviceId = deviceId;
        this.efficiency = efficiency;
        this.stateid = stateid;
        this.fhVersions = fhVersions;
        this.user = user;
        this.group = group;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeOpaque(deviceId, 16);
        xdr.xdrEncodeInt(efficiency);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeInt(fhVersions.size());
        for (NfsFh4 fh : fhVersions) {
            fh.xdrEncode(xdr);
        }
        XdrBounds.utf8(xdr, user);
        XdrBounds.utf8(xdr, group);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        deviceId = XdrBounds.fixed(xdr, 16);
        efficiency = xdr.xdrDecodeInt();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        int n = XdrBounds.count(xdr, 16);
        fhVersions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NfsFh4 fh = new NfsFh4();
            fh.xdrDecode(xdr);
            fhVersions.add(fh);
        }
        user = XdrBounds.utf8(xdr, XdrBounds.NAME_LIMIT);
        group = XdrBounds.utf8(xdr, XdrBounds.NAME_LIMIT);
    }
}
