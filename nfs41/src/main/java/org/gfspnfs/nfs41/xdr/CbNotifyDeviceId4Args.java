package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** CB_NOTIFY_DEVICEID4args (RFC 8881 section 20.12). */
public class CbNotifyDeviceId4Args implements XdrAble {
    public List<Notify4> changes;

    public CbNotifyDeviceId4Args() {
    }

    public CbNotifyDeviceId4Args(List<Notify4> changes) {
        this.changes = changes;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeInt(changes.size());
        for (Notify4 e : changes) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        int changesCount = XdrBounds.count(xdr, 64);
        changes = new ArrayList<>(changesCount);
        for (int i = 0; i < changesCount; i++) {
            Notify4 e = new Notify4();
            e.xdrDecode(xdr);
            changes.add(e);
        }
    }
}
