package org.gfspnfs.control.xdr;

import static org.gfspnfs.control.xdr.XdrWriter.enumOf;
import static org.gfspnfs.control.xdr.XdrWriter.millis;

import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;

/** XDR of the DS <-> MDS procedures and of command outcomes (PROTOCOL.md). */
public final class PeerXdr {
    public static final XdrCodec<StateidQuery> STATEID_QUERY = XdrCodec.of((out, q) -> {
        out.xdrEncodeOpaque(q.stateid(), StateidQuery.STATEID_SIZE);
        out.xdrEncodeDynamicOpaque(q.fileHandle());
        enumOf(out, q.access());
    }, in -> new StateidQuery(in.fixedOpaque(StateidQuery.STATEID_SIZE), in.opaque(StateidQuery.MAX_FILEHANDLE),
            in.enumOf(StateAccess.class)));

    public static final XdrCodec<StateidVerdict> STATEID_VERDICT = XdrCodec.of((out, v) -> {
        enumOf(out, v.verdict());
        millis(out, v.cacheFor());
        out.xdrEncodeLong(v.clientId());
    }, in -> new StateidVerdict(in.enumOf(StateidVerdict.Verdict.class), in.millis(), in.hyper()));

    /** Most stateids one REVOKE_STATE may list. */
    public static final int MAX_REVOKED_STATEIDS = 4096;

    public static final XdrCodec<Revocation> REVOCATION = XdrCodec.of((out, r) -> {
        enumOf(out, r.scope());
        List<byte[]> ids = r.stateids();
        out.xdrEncodeInt(ids.size());
        for (byte[] id : ids) {
            out.xdrEncodeOpaque(id, StateidQuery.STATEID_SIZE);
        }
        out.xdrEncodeLong(r.clientId());
        out.xdrEncodeDynamicOpaque(r.fileHandle());
    }, in -> {
        Revocation.Scope scope = in.enumOf(Revocation.Scope.class);
        int n = in.int32();
        if (n < 0 || n > MAX_REVOKED_STATEIDS) {
            throw new XdrFormatException("too many stateids: " + Integer.toUnsignedString(n));
        }
        List<byte[]> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(in.fixedOpaque(StateidQuery.STATEID_SIZE));
        }
        return new Revocation(scope, ids, in.hyper(), in.opaque(StateidQuery.MAX_FILEHANDLE));
    });

    /** The ack of a revocation: how many cached answers the DS dropped. */
    public static final XdrCodec<Integer> REVOKED_COUNT = XdrCodec.of((out, n) -> out.xdrEncodeInt(n),
            XdrReader::int32);

    public static final XdrCodec<CommandOutcome> OUTCOME = XdrCodec.of((out, o) -> {
        XdrWriter.string(out, o.summary());
        out.xdrEncodeInt(o.affected());
    }, in -> new CommandOutcome(in.string(), in.int32()));

    private PeerXdr() {
    }
}
