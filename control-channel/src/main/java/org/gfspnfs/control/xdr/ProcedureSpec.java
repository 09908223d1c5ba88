package org.gfspnfs.control.xdr;

import java.util.List;

/**
 * One procedure of the control program: number, name, whether it reads or changes state, and the XDR of its argument
 * and of its result body. Client and server share these, so both ends agree on the wire by construction.
 */
public record ProcedureSpec<A, R>(int number, String name, Kind kind, XdrCodec<A> args, XdrCodec<R> result) {
    /** Read-only queries, mutating commands, and the DS/MDS peer procedures are separate procedures. */
    public enum Kind { QUERY, COMMAND, PEER }

    /** A codec for {@code T list<>}. */
    public static <T> XdrCodec<List<T>> listOf(XdrCodec<T> element) {
        return XdrCodec.of((out, items) -> XdrWriter.list(out, items, element), in -> in.list(element));
    }
}
