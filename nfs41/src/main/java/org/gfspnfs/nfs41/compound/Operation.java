package org.gfspnfs.nfs41.compound;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.status.NfsException;

/**
 * One NFSv4.1 operation (RFC 8881 section 18). An implementation validates its decoded arguments, acts through
 * the services in the {@link CompoundContext} (filesystem, state, sessions), and returns its result body, or
 * throws the {@link NfsException} subclass for the status the RFC prescribes. It never builds error results
 * itself: the {@link CompoundExecutor} is the single place where exceptions become nfsstat4 results.
 *
 * @param <A> the XDR argument type registered for the operation number in {@code xdr.ArgTypes}
 */
@FunctionalInterface
public interface Operation<A extends XdrAble> {

    /**
     * Runs the operation.
     *
     * @return the result body for NFS4_OK, or null when the operation's result is void
     */
    XdrAble execute(CompoundContext ctx, A args) throws NfsException;
}
