package org.gfspnfs.nfs41.server;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.gfspnfs.nfs41.compound.CompoundExecutor;
import org.gfspnfs.nfs41.compound.RpcOrigin;
import org.gfspnfs.nfs41.transport.PreparedCall;
import org.gfspnfs.nfs41.transport.PreparingProgram;
import org.gfspnfs.nfs41.transport.ReceivedXdr;
import org.gfspnfs.nfs41.xdr.CompoundArgs4;
import org.gfspnfs.nfs41.xdr.CompoundRes4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NFS program (100003) version 4 on oncrpc4j: procedure 0 is NULL, procedure 1 is COMPOUND (RFC 8881 section
 * 16). A request whose COMPOUND header cannot be decoded gets GARBAGE_ARGS; anything after the header is
 * answered per operation by the executor. A reply to a client that has gone away is simply lost.
 *
 * <p>Calls are decoded on the thread that read them ({@link PreparingProgram}); NULL, a call that fails before it
 * runs, and a compound of brief operations only ({@link CompoundExecutor#brief}) are brief.
 */
final class NfsRpcService implements PreparingProgram {
    static final int PROGRAM = 100003;
    static final int VERSION = 4;
    private static final Logger LOG = LoggerFactory.getLogger(NfsRpcService.class);

    private final CompoundExecutor executor;

    NfsRpcService(CompoundExecutor executor) {
        this.executor = executor;
    }

    @Override
    public PreparedCall prepare(RpcCall call) {
        return switch (call.getProcedure()) {
            case 0 -> new PreparedCall(true, answering(call, () -> call.reply(XdrVoid.XDR_VOID)));
            case 1 -> compound(call);
            default -> new PreparedCall(true, answering(call, call::failProcedureUnavailable));
        };
    }

    private PreparedCall compound(RpcCall call) {
        CompoundArgs4 args = new CompoundArgs4();
        try {
            call.retrieveCall(args);
        } catch (IOException | RuntimeException e) {
            LOG.debug("undecodable COMPOUND header from {}: {}", call.getTransport().getRemoteSocketAddress(),
                    e.toString());
            return new PreparedCall(true, answering(call, call::failRpcGarbage));
        }
        int requestSize = call.getXdr().asBuffer().limit();
        return new PreparedCall(executor.brief(args), answering(call, () -> {
            CompoundRes4 res = executor.execute(args, origin(call), requestSize);
            try {
                call.reply(res);
            } finally {
                // READ data the transport did not take (no reply written, or a transport that wrote it already).
                res.abandonUnsent();
            }
        }));
    }

    /** {@code answer}, after which nothing refers to the request's bytes any more, whether it answered or failed. */
    private static PreparedCall.Work answering(RpcCall call, PreparedCall.Work answer) {
        return () -> {
            try {
                answer.run();
            } finally {
                if (call.getXdr() instanceof ReceivedXdr received) {
                    received.release();
                }
            }
        };
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
