package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.xdr.Stateid4;

/** Conversion of stateids at the XDR edge. */
final class Stateids {
    private Stateids() {
    }

    static StateId of(Stateid4 s) {
        return StateId.of(s.seqid, s.other);
    }

    static Stateid4 xdr(StateId s) {
        return new Stateid4(s.seqid(), s.other());
    }
}
