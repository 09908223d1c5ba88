package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfsv4_1_file_layout_ds_addr4 (RFC 8881 section 13.3): stripe indices into a list of data servers. */
public class FileLayoutDsAddr4 implements XdrAble {
    public int[] stripeIndices;
    public List<MultipathList4> dsList;

    public FileLayoutDsAddr4() {
    }

    public FileLayoutDsAddr4(int[] stripeIndices, List<MultipathList4> dsList) {
        this.stripeIndices = stripeIndices;
        this.dsList = dsList;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeIntVector(stripeIndices);
        xdr.xdrEncodeInt(dsList.size());
        for (MultipathList4 e : dsList) {
            e.xdrEncode(xdr);
        }
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stripeIndices = new int[XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT)];
        for (int i = 0; i < stripeIndices.length; i++) {
            stripeIndices[i] = xdr.xdrDecodeInt();
        }
        int dsListCount = XdrBounds.count(xdr, XdrBounds.OPAQUE_LIMIT);
        dsList = new ArrayList<>(dsListCount);
        for (int i = 0; i < dsListCount; i++) {
            MultipathList4 e = new MultipathList4();
            e.xdrDecode(xdr);
            dsList.add(e);
        }
    }
}
