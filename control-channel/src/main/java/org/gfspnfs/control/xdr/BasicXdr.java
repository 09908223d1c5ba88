package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.string;

/** XDR of the simple arguments: void, a name (lockspace, node, file), a client id. */
public final class BasicXdr {
    /** The empty argument or result (XDR void). */
    public static final XdrCodec<Void> VOID = XdrCodec.of((out, v) -> { }, in -> null);

    /** {@code string name<256>}: lockspace, node or file name; empty means "all" where a procedure allows it. */
    public static final XdrCodec<String> NAME = XdrCodec.of((out, s) -> string(out, s), in -> in.string(256));

    /** {@code unsigned hyper clientid} (clientid4, RFC 8881 section 3.3.11). */
    public static final XdrCodec<Long> CLIENT_ID = XdrCodec.of((out, id) -> out.xdrEncodeLong(id), XdrReader::hyper);

    private BasicXdr() {
    }
}
