package org.gfspnfs.bench.dlm;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockOptions;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Remote lock latency against the floor it stands on, in the same run: {@code remoteLockUnlock} (a lock request
 * and an unlock to a master on another node over loopback: two round trips, blocking convenience) versus
 * {@code nettyTwoRoundTrips} (two bare Netty request/response round trips, same framing and threads). Target ratio
 * <= 1.5. {@code remoteLockUnlockFutures} is the same through the futures. {@code interleaved} samples both
 * sides back to back and reports each side's time (the ratio that {@link DlmBenchReport} prints).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DlmRemoteLatencyBench {
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);
    private BenchCluster cluster;
    private Lockspace remote;
    private final ResourceName name = ResourceName.of("remote-bench");
    private final LockOptions options = LockOptions.defaults();

    private EventLoopGroup group;
    private Channel server;
    private Channel client;
    private volatile CompletableFuture<Void> reply;
    private ByteBuf request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cluster = new BenchCluster(2);
        Lockspace.PendingLock owner = cluster.node(1).lockspace("bench").lock(name, LockMode.NL, options);
        owner.result().join();                         // node 1 masters the resource
        remote = cluster.node(2).lockspace("bench");
        remote.lock(name, LockMode.NL, options).result().join(); // node 2 knows the master

        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4),
                                new LengthFieldPrepender(4), new SimpleChannelInboundHandler<ByteBuf>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                        ctx.writeAndFlush(msg.retainedDuplicate());
                                    }
                                });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4),
                                new LengthFieldPrepender(4), new SimpleChannelInboundHandler<ByteBuf>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                        reply.complete(null);
                                    }
                                });
                    }
                }).connect(server.localAddress()).sync().channel();
        request = client.alloc().buffer(64).writeZero(64);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close().sync();
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        request.release();
        cluster.close();
    }

    /** Through the blocking convenience (the waiting thread is woken directly by the transport). */
    @Benchmark
    public Object remoteLockUnlock() throws Exception {
        Lockspace.PendingLock p = remote.lock(name, LockMode.EX, options);
        p.await(TIMEOUT);
        return p.lock().await(p.lock().unlock(), TIMEOUT);
    }

    /** Through the futures (completed on the DLM callback thread: one more thread hop per operation). */
    @Benchmark
    public Object remoteLockUnlockFutures() {
        Lockspace.PendingLock p = remote.lock(name, LockMode.EX, options);
        p.result().join();
        return p.lock().unlock().join();
    }

    /**
     * Time spent in each side of {@link #interleaved}, summed over an iteration (JMH secondary results):
     * {@code dlmNanos / nettyNanos} is the latency ratio, with both sides measured under the same machine load.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sides {
        public long dlmNanos;
        public long nettyNanos;
        public long pairs;

        @Setup(Level.Iteration)
        public void reset() {
            dlmNanos = 0;
            nettyNanos = 0;
            pairs = 0;
        }
    }

    /**
     * A remote lock+unlock and two bare Netty round trips back to back, in alternating order, each timed: on a
     * shared machine the load changes from one second to the next, so the two sides must be sampled together.
     */
    @Benchmark
    public Object interleaved(Sides sides) throws Exception {
        boolean dlmFirst = (sides.pairs++ & 1) == 0;
        long t0 = System.nanoTime();
        Object a = dlmFirst ? remoteLockUnlock() : nettyTwoRoundTrips();
        long t1 = System.nanoTime();
        Object b = dlmFirst ? nettyTwoRoundTrips() : remoteLockUnlock();
        long t2 = System.nanoTime();
        sides.dlmNanos += dlmFirst ? t1 - t0 : t2 - t1;
        sides.nettyNanos += dlmFirst ? t2 - t1 : t1 - t0;
        return a == b ? a : b;
    }

    @Benchmark
    public Object nettyTwoRoundTrips() {
        roundTrip();
        roundTrip();
        return reply;
    }

    private void roundTrip() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        reply = f;
        client.writeAndFlush(request.retainedDuplicate());
        f.join();
    }
}
