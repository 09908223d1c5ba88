package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * WRITE4args (RFC 8881 section 18.32). A client fills {@link #data}; a decoded request carries its payload as a
 * view of the received message ({@link #payload()}, valid while the request is being executed) so the data is not
 * copied out of the RPC buffer before it goes to the filesystem.
 */
public class Write4Args implements XdrAble {
    public Stateid4 stateid;
    public long offset;
    public int stable;
    public byte[] data;
    private ByteBuffer payload;

    public Write4Args() {
    }

    public Write4Args(Stateid4 stateid, long offset, int stable, byte[] data) {
        this.stateid = stateid;
        this.offset = offset;
        this.stable = stable;
        this.data = data;
    }

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeInt(stable);
        if (data != null) {
            xdr.xdrEncodeDynamicOpaque(data);
        } else {
            xdr.xdrEncodeByteBuffer(payload.duplicate());
        }
    }

    /** The data to write (a read-only view: position 0 .. length). */
    public ByteBuffer payload() {
        return data != null ? ByteBuffer.wrap(data).asReadOnlyBuffer() : payload.asReadOnlyBuffer();
    }

    /** Bytes of data. */
    public int length() {
        return data != null ? data.length : payload.remaining();
    }

    /** A copy of the data as an array. */
    public byte[] bytes() {
        if (data != null) {
            return data;
        }
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        offset = xdr.xdrDecodeLong();
        stable = xdr.xdrDecodeInt();
        data = null;
        // A view, not a copy; its length was checked against the bytes actually received.
        payload = xdr.xdrDecodeByteBuffer();
        if (payload.remaining() > XdrBounds.DATA_LIMIT) {
            throw new XdrBounds.BadXdrLengthException(payload.remaining(), XdrBounds.DATA_LIMIT);
        }
    }
}
