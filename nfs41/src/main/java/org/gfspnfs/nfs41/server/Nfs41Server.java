package org.gfspnfs.nfs41.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.gfspnfs.nfs41.attr.AttrSettings;
import org.gfspnfs.nfs41.attr.AttributeDecoder;
import org.gfspnfs.nfs41.attr.AttributeEncoder;
import org.gfspnfs.nfs41.callback.BackchannelLayoutRecaller;
import org.gfspnfs.nfs41.callback.CallbackService;
import org.gfspnfs.nfs41.compound.CompoundExecutor;
import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.compound.ExportAccess;
import org.gfspnfs.nfs41.compound.OperationTable;
import org.gfspnfs.nfs41.compound.ServerServices;
import org.gfspnfs.nfs41.export.ExportTable;
import org.gfspnfs.nfs41.idmap.IdMapper;
import org.gfspnfs.nfs41.idmap.StaticIdMapper;
import org.gfspnfs.nfs41.ops.PnfsOperations;
import org.gfspnfs.nfs41.ops.StandardOperations;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.pnfs.ServerRole;
import org.gfspnfs.nfs41.pnfs.StateidValidator;
import org.gfspnfs.nfs41.session.ClientRegistry;
import org.gfspnfs.nfs41.session.LeaseReaper;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.session.SessionRegistry;
import org.gfspnfs.nfs41.state.GracePeriod;
import org.gfspnfs.nfs41.state.InMemoryRecoveryStore;
import org.gfspnfs.nfs41.state.RecoveryStore;
import org.gfspnfs.nfs41.state.StateManager;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.transport.RpcServerTransport;
import org.gfspnfs.nfs41.transport.SlabPool;
import org.gfspnfs.nfs41.vfs.VirtualFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An NFSv4.1 server instance: the RPC service for program 100003 version 4 ({@link RpcServerTransport}, which
 * reads requests into pooled direct memory), the engine's tables, and the lease reaper. Built with
 * {@link #builder()}; {@link #close()} stops the service and every thread the server created. Everything
 * time-related runs on the injected clock and scheduler.
 */
public final class Nfs41Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Nfs41Server.class);
    /** Threads that read and write the connections (calls run on the worker threads). */
    private static final int SELECTOR_THREADS = 2;
    /**
     * Maximum-size requests whose buffers are kept for reuse: a session's full slot table of 1 MiB WRITEs (about
     * 70 MiB of direct memory once a client has sent that many at once). Below what a busy server holds, buffers
     * are made and dropped at the rate WRITEs arrive, and making one costs about as much as receiving it.
     */
    private static final int LARGE_REQUESTS_HELD = 64;
    /** Threads for work operations hand off ({@link ServerServices#helper()}): one per core of a small node. */
    private static final int HELPER_THREADS = 2;
    private final RpcServerTransport svc;
    private final ServerServices services;
    private final LeaseReaper reaper;
    private final ScheduledExecutorService ownedScheduler;
    private final ExecutorService helper;

    private Nfs41Server(RpcServerTransport svc, ServerServices services, LeaseReaper reaper,
                        ScheduledExecutorService ownedScheduler, ExecutorService helper) {
        this.svc = svc;
        this.services = services;
        this.reaper = reaper;
        this.ownedScheduler = ownedScheduler;
        this.helper = helper;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the server listens on (with the real port when built with port 0). */
    public InetSocketAddress address() {
        return svc.address();
    }

    /** The engine's tables: for the MDS/DS wiring, for tools and for tests that check nothing leaked. */
    public ServerServices services() {
        return services;
    }

    /** The direct memory requests are read into: for diagnostics and tests that check it is handed back. */
    public SlabPool requestMemory() {
        return svc.slabs();
    }

    /** Runs one lease expiry pass now (tests use it with a manual clock). */
    public void reapExpiredLeases() {
        reaper.reapOnce();
    }

    /** Stops serving; every open still held is released, so the filesystem sees a close for each. */
    @Override
    public void close() throws IOException {
        reaper.close();
        try {
            svc.close();
            for (NfsClient c : services.clients().clients()) {
                services.states().releaseClient(c.id());
            }
        } finally {
            helper.shutdownNow();
            if (ownedScheduler != null) {
                ownedScheduler.shutdownNow();
            }
        }
    }

    /** Wiring of one server. Required: a filesystem and an export table. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = 2049;
        private VirtualFileSystem vfs;
        private ExportTable exports;
        private IdMapper idMapper = StaticIdMapper.numeric("localdomain");
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;
        private EngineConfig config = EngineConfig.defaults();
        private ServerRole role = ServerRole.NON_PNFS;
        private LayoutProvider layouts;
        private StateidValidator stateidValidator;
        private RecoveryStore recovery = new InMemoryRecoveryStore();
        private LayoutStateTable layoutStates;
        private OperationTable.Builder operations;
        private int workerThreads = 8;
        private Duration reapPeriod = Duration.ofSeconds(1);
        private Duration callbackTimeout = Duration.ofSeconds(10);
        private boolean delegations = true;

        public Builder bindAddress(String a) {
            bindAddress = a;
            return this;
        }

        public Builder port(int p) {
            port = p;
            return this;
        }

        public Builder fileSystem(VirtualFileSystem v) {
            vfs = v;
            return this;
        }

        public Builder exports(ExportTable e) {
            exports = e;
            return this;
        }

        public Builder idMapper(IdMapper m) {
            idMapper = m;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** A scheduler for the lease reaper; if none is given the server creates (and closes) its own. */
        public Builder scheduler(ScheduledExecutorService s) {
            scheduler = s;
            return this;
        }

        public Builder config(EngineConfig c) {
            config = c;
            return this;
        }

        /** MDS: layouts from {@code provider}; the EXCHANGE_ID flags announce USE_PNFS_MDS. */
        public Builder metadataServer(LayoutProvider provider) {
            role = ServerRole.MDS;
            layouts = provider;
            return this;
        }

        /** DS: stateids are checked by {@code validator}; the EXCHANGE_ID flags announce USE_PNFS_DS. */
        public Builder dataServer(StateidValidator validator) {
            role = ServerRole.DS;
            stateidValidator = validator;
            return this;
        }

        public Builder recoveryStore(RecoveryStore r) {
            recovery = r;
            return this;
        }

        /**
         * The layout stateid table of an MDS; created by the builder if not given. Pass it when you also pass
         * an operation table that registers the pNFS operations over it.
         */
        public Builder layoutStates(LayoutStateTable t) {
            layoutStates = t;
            return this;
        }

        /**
         * The operation table; defaults to {@link StandardOperations#core()}, plus the pNFS operations
         * ({@link PnfsOperations}) for an MDS.
         */
        public Builder operations(OperationTable.Builder ops) {
            operations = ops;
            return this;
        }

        public Builder workerThreads(int n) {
            workerThreads = n;
            return this;
        }

        /** Whether OPEN hands out read delegations (RFC 8881 section 10.4); on by default. */
        public Builder delegations(boolean on) {
            delegations = on;
            return this;
        }

        public Builder reapPeriod(Duration d) {
            reapPeriod = d;
            return this;
        }

        public Nfs41Server start() throws IOException {
            Objects.requireNonNull(vfs, "fileSystem");
            Objects.requireNonNull(exports, "exports");
            int epoch = (int) (clock.millis() / 1000);
            ExecutorService helper = Executors.newFixedThreadPool(HELPER_THREADS, r -> {
                Thread t = new Thread(r, "nfs41-" + port + "-helper");
                t.setDaemon(true);
                return t;
            });
            try {
                return start(epoch, helper);
            } catch (IOException | RuntimeException e) {
                helper.shutdownNow();
                throw e;
            }
        }

        private Nfs41Server start(int epoch, ExecutorService helper) throws IOException {
            ServerServices services;
            try {
                services = services(epoch, helper);
            } catch (NfsException e) {
                throw new IOException("cannot resolve exports: " + e.getMessage(), e);
            }
            OperationTable.Builder ops = operations;
            if (ops == null) {
                ops = role == ServerRole.MDS ? PnfsOperations.metadataServer(services.layoutStates())
                        : StandardOperations.core();
            }
            CompoundExecutor executor = new CompoundExecutor(services, ops.build());
            RpcServerTransport svc = RpcServerTransport.start(bindAddress, port, "nfs41-" + port, workerThreads,
                    SELECTOR_THREADS, config.maxMessage(), LARGE_REQUESTS_HELD,
                    Math.max(4 << 20, 2 * config.maxMessage()),
                    Map.of(new OncRpcProgram(NfsRpcService.PROGRAM, NfsRpcService.VERSION),
                            new NfsRpcService(executor)));
            ScheduledExecutorService owned = null;
            ScheduledExecutorService s = scheduler;
            if (s == null) {
                owned = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "nfs41-lease-reaper");
                    t.setDaemon(true);
                    return t;
                });
                s = owned;
            }
            LeaseReaper reaper = new LeaseReaper(services.clients(), config.lease());
            reaper.start(s, reapPeriod);
            if (layouts != null) {
                layouts.attach(new BackchannelLayoutRecaller(services, services.layoutStates(), s));
            }
            return new Nfs41Server(svc, services, reaper, owned, helper);
        }

        private ServerServices services(int epoch, Executor helper) throws NfsException {
            int[] layoutTypes = layouts == null ? new int[0] : layouts.layoutTypes();
            int blockSize = layouts == null ? 0 : layouts.blockSize();
            AttrSettings settings = new AttrSettings((int) config.lease().toSeconds(), config.maxIo(),
                    config.maxIo(), layoutTypes, blockSize, layouts == null ? 0 : layouts.mdsThreshold());
            AttributeEncoder encoder = new AttributeEncoder(idMapper, settings);
            ClientRegistry clients = new ClientRegistry(clock, epoch);
            SessionRegistry sessions = new SessionRegistry(epoch);
            StateManager states = new StateManager(epoch, file -> {
                try {
                    vfs.closed(file);
                } catch (NfsException | RuntimeException e) {
                    LOG.warn("filesystem failed to release open of {}: {}", file, e.toString());
                }
            });
            CallbackService callbacks = new CallbackService(callbackTimeout);
            GracePeriod grace = new GracePeriod(clock, config.grace(), recovery.load());
            byte[] writeVerifier = ByteBuffer.allocate(8).putLong(clock.millis()).array();
            LayoutStateTable layoutTable = layouts == null ? null
                    : layoutStates != null ? layoutStates : new LayoutStateTable();
            ServerServices services = new ServerServices(config, clock, epoch, writeVerifier, vfs, exports,
                    new ExportAccess(exports, vfs), idMapper, encoder, new AttributeDecoder(idMapper, encoder),
                    clients, sessions, states, grace, recovery, callbacks, role, layouts, layoutTable,
                    stateidValidator, delegations && role != ServerRole.DS, helper);
            clients.onClientEnd(c -> clientEnded(services, c));
            return services;
        }

        private static void clientEnded(ServerServices s, NfsClient c) {
            c.sessions().forEach(session -> s.callbacks().sessionGone(session));
            s.sessions().destroyAll(c);
            s.states().releaseClient(c.id());
            if (s.layouts() != null) {
                s.layoutStates().forgetClient(c.id());
                s.layouts().clientGone(c.id());
            }
            if (c.everConfirmed()) {
                s.recovery().remove(c.ownerKey());
            }
        }
    }
}
