package org.gfspnfs.control.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dcache.oncrpc4j.rpc.OncRpcAcceptedException;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.OncRpcRejectedException;
import org.dcache.oncrpc4j.rpc.OncRpcSvcBuilder;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.ClientInfo;
import org.gfspnfs.control.api.CommandOutcome;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.DelegationInfo;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.LockspaceInfo;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.NodeStatus;
import org.gfspnfs.control.api.OpenInfo;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.api.ResourceInfo;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.SessionInfo;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.api.WaitersReport;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.auth.CallSigner;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.xdr.ArgsXdr;
import org.gfspnfs.control.xdr.ControlProgram;
import org.gfspnfs.control.xdr.ProcedureSpec;
import org.gfspnfs.control.xdr.RawXdr;
import org.gfspnfs.control.xdr.ResultXdr;
import org.gfspnfs.control.xdr.XdrFormatException;

/**
 * A connection to one node's control channel: typed calls for every procedure of PROTOCOL.md, each signed with the
 * cluster key. Connects on first use and reconnects after the connection is lost. Used by gfsctl, and by the DS to ask
 * the MDS about stateids. Thread-safe; {@link #close()} ends its threads.
 */
public final class ControlClient implements AutoCloseable {
    private final NodeEndpoint node;
    private final CallSigner signer;
    private final Duration timeout;
    private OncRpcClient rpc;
    private RpcTransport transport;
    private boolean closed;

    public ControlClient(NodeEndpoint node, ClusterKey key, String caller, Duration timeout, Clock clock) {
        this.node = Objects.requireNonNull(node, "node");
        this.signer = new CallSigner(key, caller, clock, new SecureRandom());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public NodeEndpoint node() {
        return node;
    }

    public void ping() throws NodeCallException, ControlException {
        call(ControlProgram.NULL, null);
    }

    public NodeStatus status() throws NodeCallException, ControlException {
        return call(ControlProgram.STATUS, null);
    }

    public List<LockspaceInfo> lockspaces() throws NodeCallException, ControlException {
        return call(ControlProgram.LOCKSPACES, null);
    }

    public List<ResourceInfo> locks(String lockspace) throws NodeCallException, ControlException {
        return call(ControlProgram.LOCKS, lockspace);
    }

    /** Waiters and deadlocks of {@code lockspace}, or of all lockspaces when it is empty. */
    public WaitersReport waiters(String lockspace) throws NodeCallException, ControlException {
        return call(ControlProgram.WAITERS, lockspace);
    }

    public List<FilesystemState> filesystems() throws NodeCallException, ControlException {
        return call(ControlProgram.FILESYSTEMS, null);
    }

    public List<ClientInfo> clients() throws NodeCallException, ControlException {
        return call(ControlProgram.CLIENTS, null);
    }

    public List<SessionInfo> sessions() throws NodeCallException, ControlException {
        return call(ControlProgram.SESSIONS, null);
    }

    public List<OpenInfo> opens() throws NodeCallException, ControlException {
        return call(ControlProgram.OPENS, null);
    }

    public List<DelegationInfo> delegations() throws NodeCallException, ControlException {
        return call(ControlProgram.DELEGATIONS, null);
    }

    public List<LayoutInfo> layouts(LayoutFilter filter) throws NodeCallException, ControlException {
        return call(ControlProgram.LAYOUTS, filter);
    }

    public CommandOutcome fenceAck(String node) throws NodeCallException, ControlException {
        return call(ControlProgram.FENCE_ACK, node);
    }

    public CommandOutcome recallLayouts(RecallTarget target) throws NodeCallException, ControlException {
        return call(ControlProgram.RECALL_LAYOUTS, target);
    }

    public CommandOutcome evictClient(long clientId) throws NodeCallException, ControlException {
        return call(ControlProgram.EVICT_CLIENT, clientId);
    }

    public CommandOutcome leaveLockspace(String lockspace) throws NodeCallException, ControlException {
        return call(ControlProgram.LOCKSPACE_LEAVE, lockspace);
    }

    public CommandOutcome joinLockspace(String lockspace) throws NodeCallException, ControlException {
        return call(ControlProgram.LOCKSPACE_JOIN, lockspace);
    }

    public StateidVerdict validateStateid(StateidQuery query) throws NodeCallException, ControlException {
        return call(ControlProgram.VALIDATE_STATEID, query);
    }

    public int revoke(Revocation revocation) throws NodeCallException, ControlException {
        return call(ControlProgram.REVOKE_STATE, revocation);
    }

    public List<MappedExtent> allocateUnwritten(AllocationRequest request) throws NodeCallException, ControlException {
        return call(ControlProgram.ALLOCATE_UNWRITTEN, request);
    }

    public int reportWritten(List<WrittenReport> reports) throws NodeCallException, ControlException {
        return call(ControlProgram.REPORT_WRITTEN, reports);
    }

    public List<FileRange> writtenWithin(WrittenQuery query) throws NodeCallException, ControlException {
        return call(ControlProgram.WRITTEN_WITHIN, query);
    }

    /** Calls one procedure: encode and sign the argument, send, wait up to the timeout, decode. */
    public <A, R> R call(ProcedureSpec<A, R> spec, A args) throws NodeCallException, ControlException {
        byte[] argBytes = encode(spec, args);
        ResultXdr<R> result = ResultXdr.forDecoding(spec.result());
        RpcCall call = new RpcCall(ControlProgram.PROGRAM, ControlProgram.VERSION,
                signer.sign(ControlProgram.PROGRAM, ControlProgram.VERSION, spec.number(), argBytes),
                transport());
        try {
            call.call(spec.number(), new RawXdr(argBytes), result, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NodeCallException(NodeCallException.Kind.TIMEOUT,
                    "no answer (timeout " + human(timeout) + ")", e);
        } catch (OncRpcRejectedException e) {
            throw new NodeCallException(NodeCallException.Kind.AUTH_REFUSED,
                    "refused: authentication error (wrong or missing cluster key?)", e);
        } catch (OncRpcAcceptedException e) {
            throw new NodeCallException(NodeCallException.Kind.RPC_ERROR, "RPC error: " + e.getMessage(), e);
        } catch (XdrFormatException e) {
            throw new NodeCallException(NodeCallException.Kind.RPC_ERROR, "undecodable reply: " + e.getMessage(), e);
        } catch (IOException e) {
            dropConnection();
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, "connection lost: " + e.getMessage(), e);
        }
        return result.get();
    }

    private synchronized RpcTransport transport() throws NodeCallException {
        if (closed) {
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, "client is closed", null);
        }
        if (transport != null && transport.isOpen()) {
            return transport;
        }
        dropConnection();
        ExecutorService replies = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gfsctl-client-" + node.name());
            t.setDaemon(true);
            return t;
        });
        // Resolve on every connect: cluster.conf keeps host names as written, and a node may move.
        InetSocketAddress address = new InetSocketAddress(node.address().getHostString(), node.address().getPort());
        OncRpcClient client = new OncRpcClient(address, timeout.toMillis(), TimeUnit.MILLISECONDS,
                new OncRpcSvcBuilder().withClientMode().withTCP().withSelectorThreadPoolSize(1)
                        .withSameThreadIoStrategy().withWorkerThreadExecutionService(replies)
                        .withServiceName("gfsctl-client-" + node.name()).build());
        try {
            transport = client.connect(timeout.toMillis(), TimeUnit.MILLISECONDS);
            rpc = client;
            return transport;
        } catch (IOException e) {
            closeQuietly(client);
            replies.shutdownNow();
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, "unreachable: " + reason(e), e);
        }
    }

    private synchronized void dropConnection() {
        if (rpc != null) {
            closeQuietly(rpc);
        }
        rpc = null;
        transport = null;
    }

    private static <A> byte[] encode(ProcedureSpec<A, ?> spec, A args) {
        try (Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE)) {
            xdr.beginEncoding();
            ArgsXdr.of(spec.args(), args).xdrEncode(xdr);
            xdr.endEncoding();
            return xdr.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory cannot fail with I/O", e);
        }
    }

    private static String reason(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static void closeQuietly(OncRpcClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing a client whose connection already failed; nothing left to release
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        dropConnection();
    }

    /** The local address used to reach the node, for the caller name ("gfsctl@host"). */
    public static String localCaller(String program) {
        try {
            return program + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return program;
        }
    }
}
