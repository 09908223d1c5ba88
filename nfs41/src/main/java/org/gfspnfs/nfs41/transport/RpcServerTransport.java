package org.gfspnfs.nfs41.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.ReplyQueue;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.glassfish.grizzly.CloseType;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.memory.PooledMemoryManager;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * An ONC RPC server over TCP for oncrpc4j programs, whose requests are read straight into pooled direct memory
 * ({@link SlabPool}) and decoded from there: selector threads read and cut records ({@link ReadWindowFilter},
 * {@link RecordFilter}), the RPC message layer ({@link RpcCallFilter}) and {@link CallDispatcher} hand each call to a
 * worker thread, or run it where it was read when it is brief and the server otherwise idle. Built like oncrpc4j's
 * own service, except that requests are neither copied out of the socket's buffer nor left for the garbage
 * collector: a program releases each call's memory once it has answered
 * ({@link ReceivedXdr#release()}), and a reply that ends in file data is sent from the file ({@link ReplyTransport}).
 * Replies to calls the server makes itself (the NFSv4.1 back channel) arrive on the same connections and reach
 * the transport's reply queue as with oncrpc4j.
 */
public final class RpcServerTransport implements AutoCloseable {
    private static final int BACKLOG = 4096;
    private final TCPNIOTransport transport;
    private final ReplyQueue replyQueue;
    private final ExecutorService workers;
    private final SlabPool slabs;
    private final InetSocketAddress address;

    private RpcServerTransport(TCPNIOTransport transport, ReplyQueue replyQueue, ExecutorService workers,
                               SlabPool slabs, InetSocketAddress address) {
        this.transport = transport;
        this.replyQueue = replyQueue;
        this.workers = workers;
        this.slabs = slabs;
        this.address = address;
    }

    /**
     * Binds {@code bindAddress:port} (port 0: any free port) and starts serving {@code programs}.
     *
     * @param name          prefix of the thread names
     * @param workerThreads threads that run calls
     * @param selectorThreads threads that read and write the connections
     * @param largeRecord   largest request clients send when they keep to the negotiated sizes, bytes: the size of
     *                      the pooled large buffers
     * @param largeInFlight large requests the server may hold at once (read, queued or running), for as many
     *                      large buffers kept for reuse
     * @param recordLimit   largest request accepted, bytes; a peer that announces a larger one is disconnected
     */
    public static RpcServerTransport start(String bindAddress, int port, String name, int workerThreads,
                                           int selectorThreads, int largeRecord, int largeInFlight, int recordLimit,
                                           Map<OncRpcProgram, RpcDispatchable> programs) throws IOException {
        Objects.requireNonNull(programs, "programs");
        if (largeRecord > recordLimit) {
            throw new IllegalArgumentException("large record " + largeRecord + " above the record limit " + recordLimit);
        }
        SlabPool slabs = new SlabPool(64 << 10, largeRecord + 2 * RecordAssembly.MIN_READ, 256,
                Math.max(largeInFlight, 2 * workerThreads));
        // Replies and Grizzly's own buffers come from the heap pool; requests never touch it.
        MemoryManager heap = new PooledMemoryManager(false);
        ThreadPoolConfig selectors = ThreadPoolConfig.defaultConfig().setPoolName(name)
                .setCorePoolSize(selectorThreads).setMaxPoolSize(selectorThreads);
        TCPNIOTransport t = TCPNIOTransportBuilder.newInstance().setReuseAddress(true)
                .setIOStrategy(SameThreadIOStrategy.getInstance()).setSelectorThreadPoolConfig(selectors)
                .setSelectorRunnersCount(selectorThreads).setTcpNoDelay(true).setMemoryManager(heap).build();
        ReplyQueue replyQueue = new ReplyQueue();
        ExecutorService workers = Executors.newFixedThreadPool(workerThreads, namedThreads(name + "-worker-"));
        t.setProcessor(FilterChainBuilder.stateless()
                .add(new ReadWindowFilter(slabs, recordLimit))
                .add(new TransportFilter())
                .add(new RecordFilter(heap))
                .add(new RpcCallFilter(replyQueue))
                .add(new CallDispatcher(workers, programs, new CallsInProgress()))
                .build());
        t.getConnectionMonitoringConfig().addProbes(new ConnectionProbe.Adapter() {
            @Override
            public void onCloseEvent(Connection connection) {
                if (connection.getCloseReason().getType() == CloseType.REMOTELY) {
                    replyQueue.handleDisconnect((SocketAddress) connection.getLocalAddress());
                }
            }
        });
        try {
            Connection<?> bound = t.bind(bindAddress, port, BACKLOG);
            t.start();
            return new RpcServerTransport(t, replyQueue, workers, slabs, (InetSocketAddress) bound.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            t.shutdownNow();
            replyQueue.shutdown();
            workers.shutdownNow();
            throw e;
        }
    }

    /** The address the server listens on (with the real port when started with port 0). */
    public InetSocketAddress address() {
        return address;
    }

    /** The request memory: for tests and diagnostics that check records are handed back. */
    public SlabPool slabs() {
        return slabs;
    }

    /** Closes every connection and stops the threads; calls still running finish on their own. */
    @Override
    public void close() throws IOException {
        try {
            transport.shutdownNow();
        } finally {
            replyQueue.shutdown();
            workers.shutdown();
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, prefix + n.incrementAndGet());
            th.setDaemon(false);
            return th;
        };
    }
}
