package org.gfspnfs.nfs41.xdr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * ff_iostats4 (RFC 8435 section 9.1.2): what a client read and wrote through one data server of a layout
 * (io_info4 counts, RFC 7862 section 15.6.1), and the ff_layoutupdate4 with the server's address, the handle and the
 * latencies (ff_io_latency4, section 7.1), kept here as the raw counters.
 */
public class FfIoStats4 implements XdrAble {
    public long offset;
    public long length;
    public Stateid4 stateid;
    public long readCount;
    public long readBytes;
    public long writeCount;
    public long writeBytes;
    public byte[] deviceId;
    public NetAddr4 addr;
    public NfsFh4 fh;
    /** ff_io_latency4 read then write: ops/bytes requested, ops/bytes completed, bytes not delivered. */
    public long[] latencies = new long[10];
    /** nfstime4 fields in order: read busy, read completion, write busy, write completion, duration (s, ns). */
    public long[] times = new long[10];
    public boolean local;

    @Override
    public void xdrEncode(XdrEncodingStream xdr) throws OncRpcException, IOException {
        xdr.xdrEncodeLong(offset);
        xdr.xdrEncodeLong(length);
        stateid.xdrEncode(xdr);
        xdr.xdrEncodeLong(readCount);
        xdr.xdrEncodeLong(readBytes);
        xdr.xdrEncodeLong(writeCount);
        xdr.xdrEncodeLong(writeBytes);
        xdr.xdrEncodeOpaque(deviceId, 16);
        addr.xdrEncode(xdr);
        fh.xdrEncode(xdr);
        for (int dir = 0; dir < 2; dir++) {
            for (int i = 0; i < 5; i++) {
                xdr.xdrEncodeLong(latencies[dir * 5 + i]);
            }
            encodeTime(xdr, dir * 4);
            encodeTime(xdr, dir * 4 + 2);
        }
        encodeTime(xdr, 8);
        xdr.xdrEncodeBoolean(local);
    }

    @Override
    public void xdrDecode(XdrDecodingStream xdr) throws OncRpcException, IOException {
        offset = xdr.xdrDecodeLong();
        length = xdr.xdrDecodeLong();
        stateid = new Stateid4();
        stateid.xdrDecode(xdr);
        readCount = xdr.xdrDecodeLong();
        readBytes = xdr.xdrDecodeLong();
        writeCount = xdr.xdrDecodeLong();
        writeBytes = xdr.xdrDecodeLong();
        deviceId = XdrBounds.fixed(xdr, 16);
        addr = new NetAddr4();
        addr.xdrDecode(xdr);
        fh = new NfsFh4();
        fh.xdrDecode(xdr);
        for (int dir = 0; dir < 2; dir++) {
            for (int i = 0; i < 5; i++) {
                latencies[dir * 5 + i] = xdr.xdrDecodeLong();
            }
            decodeTime(xdr, dir * 4);
            decodeTime(xdr, dir * 4 + 2);
        }
        decodeTime(xdr, 8);
        local = XdrBounds.bool(xdr);
    }

    private void encodeTime(XdrEncodingStream xdr, int at) {
        xdr.xdrEncodeLong(times[at]);
        xdr.xdrEncodeInt((int) times[at + 1]);
    }

    private void decodeTime(XdrDecodingStream xdr, int at) throws IOException {
        times[at] = xdr.xdrDecodeLong();
        times[at + 1] = Integer.toUnsignedLong(xdr.xdrDecodeInt());
    }
}
