package org.gfspnfs.control.server;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dcache.oncrpc4j.rpc.RpcAuthError;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcRejectStatus;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.ControlStatus;
import org.gfspnfs.control.auth.AuthRefusedException;
import org.gfspnfs.control.auth.CallAuthenticator;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ArgsXdr;
import org.gfspnfs.control.xdr.ProcedureSpec;
import org.gfspnfs.control.xdr.RawXdr;
import org.gfspnfs.control.xdr.ResultXdr;
import org.gfspnfs.control.xdr.XdrFormatException;
import org.glassfish.grizzly.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a control-program call is checked and answered. In order: authenticate over the undecoded
 * argument bytes (failure: MSG_DENIED/AUTH_ERROR, nothing else is looked at, so an unauthenticated caller cannot even
 * learn which procedures exist); find the procedure (PROC_UNAVAIL); decode the argument (GARBAGE_ARGS, also for
 * trailing bytes); run it; translate a {@link ControlException} to its status and anything else to SERVERFAULT.
 * Log levels follow the kind: a server fault is ERROR, a refused or malformed call is DEBUG/INFO (it is the caller's).
 */
final class ControlDispatcher implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlDispatcher.class);

    private final CallAuthenticator authenticator;
    private final ControlProviders providers;
    private final Map<Integer, Procedure<?, ?>> procedures;
    private final ServerCounters counters;

    ControlDispatcher(CallAuthenticator authenticator, ControlProviders providers, ServerCounters counters) {
        this.authenticator = authenticator;
        this.providers = providers;
        this.counters = counters;
        this.procedures = all().stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.spec().number(), Function.identity()));
    }

    static List<Procedure<?, ?>> all() {
        return List.of(new NullProcedure(), new StatusProcedure(), new LockspacesProcedure(), new LocksProcedure(),
                new WaitersProcedure(), new FilesystemsProcedure(), new ClientsProcedure(), new SessionsProcedure(),
                new OpensProcedure(), new LayoutsProcedure(), new DelegationsProcedure(), new FenceAckProcedure(),
                new RecallLayoutsProcedure(),
                new EvictClientProcedure(), new LockspaceLeaveProcedure(), new LockspaceJoinProcedure(),
                new ValidateStateidProcedure(), new RevokeStateProcedure(),
                new AllocateUnwrittenProcedure(), new ReportWrittenProcedure(), new WrittenWithinProcedure());
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) {
        String caller;
        try {
            caller = authenticator.authenticate(call, remainingBytes(call.getXdr()));
        } catch (AuthRefusedException e) {
            counters.refused();
            LOG.debug("refused call from {}: {} ({})", call.getTransport().getRemoteSocketAddress(),
                    e.getMessage(), e.authStatName());
            call.reject(RpcRejectStatus.AUTH_ERROR, new RpcAuthError(e.authStat()));
            return;
        }
        Procedure<?, ?> procedure = procedures.get(call.getProcedure());
        if (procedure == null) {
            counters.unavailable();
            LOG.info("unknown procedure {} from {}", call.getProcedure(), caller);
            call.failProcedureUnavailable();
            return;
        }
        serve(procedure, call, caller);
    }

    private <A, R> void serve(Procedure<A, R> procedure, RpcCall call, String caller) {
        Xdr xdr = call.getXdr();
        ArgsXdr<A> args = ArgsXdr.forDecoding(procedure.spec().args());
        try {
            args.xdrDecode(xdr);
            if (xdr.hasMoreData()) {
                throw new XdrFormatException("trailing bytes after arguments");
            }
        } catch (IOException e) {
            xdr.endDecoding();
            counters.garbage();
            LOG.info("{} from {}: garbage arguments: {}", procedure.spec().name(), caller, e.getMessage());
            call.failRpcGarbage();
            return;
        }
        xdr.endDecoding();
        // Commands are rare and change state: log them. Peer calls come with every DS I/O: debug only.
        if (procedure.spec().kind() == ProcedureSpec.Kind.COMMAND) {
            LOG.info("{} from {}: {}", procedure.spec().name(), caller, args.value());
        } else if (procedure.spec().kind() == ProcedureSpec.Kind.PEER) {
            LOG.debug("{} from {}: {}", procedure.spec().name(), caller, args.value());
        }
        call.reply(new RawXdr(answer(procedure, args.value(), caller)));
        counters.served();
    }

    /** Runs the procedure and encodes its result; a result that fails to encode is a server fault too. */
    private <A, R> byte[] answer(Procedure<A, R> procedure, A args, String caller) {
        ResultXdr<R> result;
        try {
            result = ResultXdr.ok(procedure.spec().result(), procedure.execute(args, providers));
            return encode(result);
        } catch (ControlException e) {
            LOG.info("{} from {}: {} {}", procedure.spec().name(), caller, e.status(), e.getMessage());
            return encode(ResultXdr.error(procedure.spec().result(), e.status(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} from {} failed", procedure.spec().name(), caller, e);
            return encode(ResultXdr.error(procedure.spec().result(), ControlStatus.SERVERFAULT,
                    "node failed: " + e));
        }
    }

    private static byte[] encode(ResultXdr<?> result) {
        try (Xdr out = new Xdr(Xdr.INITIAL_XDR_SIZE)) {
            out.beginEncoding();
            result.xdrEncode(out);
            out.endEncoding();
            return out.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory cannot fail with I/O", e);
        }
    }

    /** The call's argument bytes, read without moving the decoding position. */
    private static byte[] remainingBytes(Xdr xdr) {
        Buffer buffer = xdr.asBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        int position = buffer.position();
        buffer.get(bytes);
        buffer.position(position);
        return bytes;
    }
}
