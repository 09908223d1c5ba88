package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last filter of the chain: finds each call's program and runs the call, answering it as oncrpc4j's
 * {@code RpcDispatcher} does when the program fails. A {@link PreparingProgram}'s call is decoded on the thread that
 * read it; if the program calls it brief and no other call is queued or running, it runs there as well, since
 * handing it to a worker would cost a thread wake-up on the way to an idle core, about as long as a cached metadata
 * call takes. Every other call runs on a worker.
 */
final class CallDispatcher extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(CallDispatcher.class);
    private final Executor workers;
    private final Map<OncRpcProgram, RpcDispatchable> programs;
    private final CallsInProgress inProgress;

    CallDispatcher(Executor workers, Map<OncRpcProgram, RpcDispatchable> programs, CallsInProgress inProgress) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.programs = Map.copyOf(programs);
        this.inProgress = Objects.requireNonNull(inProgress, "inProgress");
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        RpcCall call = ctx.getMessage();
        RpcDispatchable program = programs.get(new OncRpcProgram(call.getProgram(), call.getProgramVersion()));
        if (program == null) {
            answerFailure(call, RpcCall::failProgramUnavailable);
            return ctx.getStopAction();
        }
        PreparedCall prepared;
        if (program instanceof PreparingProgram preparing) {
            try {
                prepared = preparing.prepare(call);
            } catch (IOException | RuntimeException e) {
                answerFailure(call, e);
                return ctx.getStopAction();
            }
        } else {
            prepared = new PreparedCall(false, () -> program.dispatchOncRpcCall(call));
        }
        if (prepared.brief() && inProgress.enterIfIdle()) {
            run(call, prepared.work());
        } else {
            inProgress.enter();
            try {
                workers.execute(() -> run(call, prepared.work()));
            } catch (RejectedExecutionException shuttingDown) {
                inProgress.exit();
                release(call);
            }
        }
        return ctx.getStopAction();
    }

    private void run(RpcCall call, PreparedCall.Work work) {
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            answerFailure(call, e);
        } finally {
            inProgress.exit();
        }
    }

    /** Answers a call whose program failed: a rejection it chose, garbage arguments, or a system error. */
    private static void answerFailure(RpcCall call, Exception e) {
        if (e instanceof RpcException rejected) {
            LOG.warn("RPC request rejected: {}", rejected.getMessage());
            answerFailure(call, c -> c.reject(rejected.getStatus(), rejected.getRpcReply()));
        } else if (e instanceof IOException) {
            LOG.warn("failed to process RPC request: {}", e.getMessage());
            answerFailure(call, RpcCall::failRpcGarbage);
        } else {
            LOG.error("failed to process RPC request {}", call, e);
            answerFailure(call, RpcCall::failRpcSystem);
        }
    }

    private static void answerFailure(RpcCall call, Failure failure) {
        try {
            failure.answer(call);
        } catch (IOException | RuntimeException lost) {
            LOG.debug("could not answer a failed call: {}", lost.toString());
        } finally {
            release(call);
        }
    }

    private static void release(RpcCall call) {
        if (call.getXdr() instanceof ReceivedXdr received) {
            received.release();
        }
    }

    @FunctionalInterface
    private interface Failure {
        void answer(RpcCall call) throws IOException;
    }
}
