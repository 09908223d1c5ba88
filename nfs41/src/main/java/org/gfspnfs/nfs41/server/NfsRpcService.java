package org.gfspnfs.nfs41.server;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.CompoundExecutor;
import org.gfspnfs.nfs41.compound.RpcOrigin;
import org.gfspnfs.nfs41.transport.ReceivedXdr;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NFS program (100003) version 4 on oncrpc4j: procedure 0 is NULL, procedure 1 is COMPOUND (RFC 8881 section
 * 16). A request whose COMPOUND header cannot be decoded gets GARBAGE_ARGS; anything after the header is
 * answered per operation by the executor. A reply to a client that has gone away is simply lost.
 */
final class NfsRpcService implements RpcDispatchable {
    static final int PROGRAM = 100003;
    static final int VERSION = 4;
    private static final Logger LOG = LoggerFactory.getLogger(NfsRpcService.class);

    private final CompoundExecutor executor;

    NfsRpcService(CompoundExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws IOException {
        try {
            switch (call.getProcedure()) {
                case 0 -> call.reply(XdrVoid.XDR_VOID);
                case 1 -> compound(call);
                default -> call.failProcedureUnavailable();
            }
        } finally {
            // Answered (or failed): nothing refers to the request's bytes any more.
            if (call.getXdr() instanceof ReceivedXdr received) {
                received.release();
            }
        }
    }

    private void compound(RpcCall call) throws IOException {
        CompoundArgs4 args = new CompoundArgs4();
        try {
            call.retrieveCall(args);
        } catch (IOException | RuntimeException e) {
            LOG.debug("undecodable COMPOUND header from {}: {}", call.getTransport().getRemoteSocketAddress(),
                    e.toString());
            call.failRpcGarbage();
            return;
        }
        int requestSize = call.getXdr().asBuffer().limit();
        CompoundRes4 res = executor.execute(args, origin(call), requestSize);
        try {
            call.reply(res);
        } finally {
            // READ data the transport did not take (no reply written, or a transport that wrote it already).
            res.abandonUnsent();
        }
    }

    private static RpcOrigin origin(RpcCall call) {
        RpcAuth cred = call.getCredential();
        if (cred instanceof RpcAuthTypeUnix unix) {
            return new RpcOrigin(RpcOrigin.AUTH_SYS, unix.uid(), unix.gid(), unix.gids(),
                    call.getTransport().getRemoteSocketAddress(), call.getTransport());
        }
        return new RpcOrigin(RpcOrigin.AUTH_NONE, -1, -1, new int[0],
                call.getTransport().getRemoteSocketAddress(), call.getTransport());
    }
}
