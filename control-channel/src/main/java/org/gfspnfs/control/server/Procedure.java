package org.gfspnfs.control.server;

import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ProcedureSpec;

/**
 * One control-program procedure on the server: validates its decoded argument by throwing a typed
 * {@link ControlException} and delegates to the provider for its concern. Decoding, authentication and the
 * translation of exceptions to the wire happen once, in {@link ControlDispatcher}.
 */
abstract class Procedure<A, R> {
    private final ProcedureSpec<A, R> spec;

    Procedure(ProcedureSpec<A, R> spec) {
        this.spec = spec;
    }

    final ProcedureSpec<A, R> spec() {
        return spec;
    }

    abstract R execute(A args, ControlProviders providers) throws ControlException;

    /** Names (lockspace, node, file) must be non-blank; the XDR already bounds their length. */
    static String requireName(String name, String what) throws InvalidRequestException {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException(what + " name is empty");
        }
        return name;
    }
}
