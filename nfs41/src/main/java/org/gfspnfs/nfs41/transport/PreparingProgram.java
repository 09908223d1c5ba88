package org.gfspnfs.nfs41.transport;

import java.io.IOException;

import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;

/**
 * An RPC program that decodes each call on the thread that read it and says whether the call may run there too
 * ({@link PreparedCall#brief()}). {@link CallDispatcher} runs a brief call where it was read while no other call is
 * queued or running: a serial client's call then costs no hand-off to a worker thread.
 */
public interface PreparingProgram extends RpcDispatchable {
    /** Decodes {@code call}; never answers it: the returned work does. */
    PreparedCall prepare(RpcCall call) throws IOException;

    @Override
    default void dispatchOncRpcCall(RpcCall call) throws IOException {
        prepare(call).work().run();
    }
}
