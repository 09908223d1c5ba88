package org.gfspnfs.control.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcDispatcher;
import org.dcache.oncrpc4j.rpc.RpcProtocolFilter;
import org.gfspnfs.control.auth.CallAuthenticator;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;

/**
 * The control-channel server of one node: the GFSCTL program (PROTOCOL.md) over TCP, bound to the node's control
 * address from cluster.conf.
 *
 * <p>It runs oncrpc4j's RPC layer ({@link RpcProtocolFilter}, {@link RpcDispatcher}) on a Grizzly transport it builds
 * itself rather than through {@code OncRpcSvc}, to put guards in front that oncrpc4j 3.4.2 lacks: a record size limit
 * ({@link RecordFramer}), bounded credential/verifier lengths ({@link CallHeaderGuard}) and an idle timeout that
 * closes connections of peers that stop mid-call. Owns its threads (one selector, a small worker pool, one idle
 * timer) and ends them on {@link #close()}.
 */
public final class ControlServer implements AutoCloseable {
    /** Largest call accepted; REVOKE_STATE with 4096 stateids is the biggest legitimate one (~66 KiB). */
    public static final int MAX_RECORD = 256 * 1024;

    private final Builder settings;
    private final ServerCounters counters = new ServerCounters();
    private final ConnectionCounter connections = new ConnectionCounter();
    private final CallAuthenticator authenticator;
    private final ExecutorService workers;
    private final ExecutorService idleThread;
    private final DelayedExecutor idleTimer;
    private final ReplyQueue replyQueue = new ReplyQueue();
    private final TCPNIOTransport transport;
    private TCPNIOServerConnection listener;

    private ControlServer(Builder b) {
        settings = b;
        authenticator = new CallAuthenticator(b.key, b.clock, b.clockWindow);
        String name = "gfsctl-" + b.nodeName;
        workers = Executors.newFixedThreadPool(b.workerThreads, named(name + "-worker"));
        idleThread = Executors.newSingleThreadExecutor(named(name + "-idle"));
        idleTimer = new DelayedExecutor(idleThread, 250, TimeUnit.MILLISECONDS);
        transport = TCPNIOTransportBuilder.newInstance()
                .setReuseAddress(true)
                .setIOStrategy(SameThreadIOStrategy.getInstance())
                .setSelectorRunnersCount(1)
                .setSelectorThreadPoolConfig(ThreadPoolConfig.defaultConfig().setCorePoolSize(1)
                        .setMaxPoolSize(1).setPoolName(name + "-selector").setDaemon(true))
                .setWorkerThreadPoolConfig(null)
                .build();
        ControlDispatcher dispatcher = new ControlDispatcher(authenticator, b.providers, counters);
        transport.setProcessor(FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new IdleTimeoutFilter(idleTimer, b.idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .add(new RecordFramer(MAX_RECORD, counters))
                .add(new CallHeaderGuard(counters))
                .add(new RpcProtocolFilter(replyQueue))
                .add(new RpcDispatcher(workers,
                        Map.of(new OncRpcProgram(ControlProgram.PROGRAM, ControlProgram.VERSION), dispatcher),
                        false, call -> { }))
                .build());
        transport.getConnectionMonitoringConfig().addProbes(connections);
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized ControlServer start() throws IOException {
        idleTimer.start();
        listener = transport.bind(settings.address.getHostString(), settings.address.getPort(), 64);
        transport.start();
        return this;
    }

    /** The address actually bound (the port is chosen by the OS when the configured port is 0). */
    public synchronized InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalAddress();
    }

    public ServerCounters counters() {
        return counters;
    }

    /** Client connections open now. */
    public int openConnections() {
        return connections.open();
    }

    /** Nonces the replay guard holds now. */
    public int rememberedNonces() {
        return authenticator.rememberedNonces();
    }

    @Override
    public void close() throws IOException {
        try {
            transport.shutdownNow();
        } finally {
            idleTimer.destroy();
            replyQueue.shutdown();
            stop(idleThread);
            stop(workers);
        }
    }

    private static void stop(ExecutorService pool) throws IOException {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IOException("control-channel threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Server settings; key, address and providers are required. */
    public static final class Builder {
        private ClusterKey key;
        private InetSocketAddress address;
        private ControlProviders providers;
        private String nodeName = "node";
        private Clock clock = Clock.systemUTC();
        private Duration clockWindow = CallAuthenticator.DEFAULT_WINDOW;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int workerThreads = 4;

        private Builder() {
        }

        public Builder key(ClusterKey key) {
            this.key = key;
            return this;
        }

        /** The control address:port from cluster.conf; port 0 picks a free port (tests). */
        public Builder address(InetSocketAddress address) {
            this.address = address;
            return this;
        }

        public Builder providers(ControlProviders providers) {
            this.providers = providers;
            return this;
        }

        /** Names the threads, so a thread dump shows which node's control channel they serve. */
        public Builder nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Largest accepted difference between a caller's timestamp and this node's clock. */
        public Builder clockWindow(Duration window) {
            this.clockWindow = window;
            return this;
        }

        /** A connection with no traffic for this long is closed (a peer that stopped mid-call). */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder workerThreads(int workerThreads) {
            if (workerThreads < 1) {
                throw new IllegalArgumentException("need at least one worker thread");
            }
            this.workerThreads = workerThreads;
            return this;
        }

        public ControlServer build() {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(providers, "providers");
            return new ControlServer(this);
        }
    }
}
