package org.gfspnfs.dlm.core;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gfspnfs.dlm.api.Dlm;
import org.gfspnfs.dlm.api.DlmShutdownException;
import org.gfspnfs.dlm.api.LockStateException;
import org.gfspnfs.dlm.api.Lockspace;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.api.query.LockspaceSnapshot;
import org.gfspnfs.dlm.api.query.NodeSnapshot;
import org.gfspnfs.dlm.net.Transport;
import org.gfspnfs.dlm.net.msg.LockspaceMessage;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.RecoveryDirectory;
import org.gfspnfs.dlm.net.msg.RecoveryDone;
import org.gfspnfs.dlm.net.msg.RecoveryLocks;
import org.gfspnfs.dlm.net.msg.RecoveryMarker;
import org.gfspnfs.dlm.net.msg.RecoveryMaster;
import org.gfspnfs.dlm.net.msg.WaitForQuery;
import org.gfspnfs.dlm.net.msg.WaitForReply;
import org.gfspnfs.membership.api.MemberView;

/**
 * The DLM of one node: transport, lockspaces, recovery driver, deadlock detector and the callback thread. It owns
 * and closes all its threads.
 *
 * <p>Start order: bind the transport (so the node's DLM address is known), join the member view with that address,
 * then follow the view: the node grants nothing until the first recovery that includes it has completed.
 */
public final class DlmNode implements Dlm, NodeServices {
    private final DlmConfig config;
    private final Transport transport;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService scheduler;
    private final Map<String, LockspaceImpl> lockspaces = new ConcurrentHashMap<>();
    private final Object lockspaceMonitor = new Object();
    private final AtomicLong lkids = new AtomicLong();
    private final DeadlockDetector deadlocks;
    private final InetSocketAddress address;
    private RecoveryDriver recovery;

    private DlmNode(DlmConfig config) throws InterruptedException {
        this.config = config;
        int id = config.nodeId();
        this.callbacks = Executors.newSingleThreadExecutor(r -> daemon(r, "dlm-callbacks-" + id));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dlm-timer-" + id));
        this.transport = new Transport(id, config.incarnation(), this::onMessage, config.ioThreads(),
                config.reconnectDelay());
        this.deadlocks = new DeadlockDetector(this, config.deadlockPolicy(), config.deadlockTimeout(), scheduler);
        this.address = transport.bind(config.bindAddress());
    }

    /**
     * Starts a node: binds its transport, calls {@code join} with the bound address to become a member, and
     * follows the returned view.
     */
    public static DlmNode start(DlmConfig config, Function<InetSocketAddress, MemberView> join)
            throws InterruptedException {
        DlmNode n = new DlmNode(config);
        try {
            MemberView view = join.apply(n.address);
            if (view.snapshot().self().incarnation() != config.incarnation()) {
                throw new IllegalArgumentException("member view announces another incarnation of node "
                        + config.nodeId());
            }
            n.recovery = new RecoveryDriver(n, view);
            n.recovery.start();
            long every = config.deadlockInterval().toMillis();
            if (every > 0) {
                n.scheduler.scheduleWithFixedDelay(n::periodicDeadlockCheck, every, every, TimeUnit.MILLISECONDS);
            }
            long sweep = Math.max(1, config.tossDelay().toMillis() / 4);
            n.scheduler.scheduleWithFixedDelay(n::tossUnused, sweep, sweep, TimeUnit.MILLISECONDS);
            return n;
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** This life of the node. */
    public long incarnation() {
        return config.incarnation();
    }

    /** Where this node's DLM transport listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** The transport (message counters, fault injection for tests). */
    public Transport transport() {
        return transport;
    }

    /** True when recovery has completed and the node grants. */
    public boolean running() {
        return recovery.state() == RecoveryState.RUNNING;
    }

    /** Id of the last completed recovery (0 before the first). */
    public long epoch() {
        return recovery.completedEpoch();
    }

    @Override
    public Lockspace lockspace(String name) {
        return lockspaceImpl(name);
    }

    @Override
    public Collection<Lockspace> lockspaces() {
        return List.copyOf(lockspaces.values());
    }

    LockspaceImpl lockspaceImpl(String name) {
        LockspaceImpl ls = lockspaces.get(name);
        if (ls != null) {
            return ls;
        }
        synchronized (lockspaceMonitor) {
            if (recovery != null && recovery.state() == RecoveryState.CLOSED) {
                throw new DlmShutdownException("DLM of node " + selfId() + " is closed");
            }
            return lockspaces.computeIfAbsent(name, n -> new LockspaceImpl(n, this, lkids, deadlocks,
                    recovery != null && recovery.state() == RecoveryState.RUNNING));
        }
    }

    /**
     * Leaves a lockspace on this node (dlm_release_lockspace without force): refused with {@link LockStateException}
     * while this node holds or waits for a lock in it, masters a resource of it, or keeps directory entries of it
     * for the other nodes; an idle lockspace is closed and forgotten. Lockspace membership otherwise follows the
     * cluster's member view (one member set for all lockspaces), so a message from another node that uses the
     * lockspace later brings it back.
     *
     * @return false if this node was not in the lockspace
     */
    public boolean release(String name) {
        synchronized (lockspaceMonitor) {
            LockspaceImpl ls = lockspaces.get(name);
            if (ls == null) {
                return false;
            }
            String busy = ls.locked(() -> {
                if (!ls.own.isEmpty()) {
                    return ls.own.size() + " lock(s) of this node";
                }
                if (!ls.master.resources.isEmpty()) {
                    return ls.master.resources.size() + " resource(s) mastered here";
                }
                if (!ls.master.directory.isEmpty()) {
                    return ls.master.directory.size() + " directory entr(y/ies) kept here for other nodes";
                }
                return null;
            });
            if (busy != null) {
                throw new LockStateException("lockspace " + name + " is in use on node " + selfId() + ": " + busy);
            }
            lockspaces.remove(name);
            ls.close();
            return true;
        }
    }

    Object lockspaceMonitor() {
        return lockspaceMonitor;
    }

    List<LockspaceImpl> lockspaceList() {
        synchronized (lockspaceMonitor) {
            return new ArrayList<>(lockspaces.values());
        }
    }

    void forEachLockspace(Consumer<LockspaceImpl> step) {
        synchronized (lockspaceMonitor) {
            for (LockspaceImpl ls : lockspaces.values()) {
                ls.locked(() -> {
                    step.accept(ls);
                    return null;
                });
            }
        }
    }

    private void onMessage(int src, long epoch, Message m) {
        if (m instanceof RecoveryMarker || m instanceof RecoveryDone || m instanceof RecoveryDirectory
                || m instanceof RecoveryLocks || m instanceof RecoveryMaster) {
            recovery.onMessage(src, m);
        } else if (m instanceof WaitForQuery q) {
            deadlocks.onQuery(src, q);
        } else if (m instanceof WaitForReply r) {
            deadlocks.onReply(src, r);
        } else if (m instanceof LockspaceMessage lm) {
            lockspaceImpl(lm.lockspace()).receive(src, epoch, m);
        } else {
            throw new IllegalStateException("unexpected " + m.type());
        }
    }

    /** Frees resources unused for the toss delay, in every lockspace (only while running). */
    private void tossUnused() {
        long cutoff = System.nanoTime() - config.tossDelay().toNanos();
        for (LockspaceImpl ls : lockspaceList()) {
            ls.toss(cutoff);
        }
    }

    private void periodicDeadlockCheck() {
        List<Integer> members = recovery.members();
        if (running() && !members.isEmpty() && members.get(0) == selfId()) {
            lockspaces.keySet().forEach(deadlocks::detect);
        }
    }

    // ---------------------------------------------------------------- NodeServices

    @Override
    public int selfId() {
        return config.nodeId();
    }

    DlmConfig config() {
        return config;
    }

    @Override
    public int directoryNode(ResourceName name) {
        return recovery.directoryNode(name);
    }

    @Override
    public void send(int nodeId, Message message) {
        transport.send(nodeId, message, recovery.completedEpoch());
    }

    @Override
    public long completedEpoch() {
        return recovery.completedEpoch();
    }

    @Override
    public long recoveringEpoch() {
        return recovery.recoveringEpoch();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Executor callbacks() {
        return callbacks;
    }

    /** The members of the last recovery this node took part in, in nodeid order (cheap: no lockspace walk). */
    public List<Integer> members() {
        return recovery.members();
    }

    @Override
    public NodeSnapshot snapshot() {
        List<LockspaceSnapshot> ls = lockspaceList().stream().map(LockspaceImpl::snapshot).toList();
        return new NodeSnapshot(selfId(), recovery.state().name(), recovery.completedEpoch(), recovery.members(), ls);
    }

    /**
     * Stops the node's DLM: recovery, transport and threads. Outstanding operations fail with
     * {@link DlmShutdownException}. To the other nodes this looks like a crash until the view says otherwise.
     */
    @Override
    public void close() {
        if (recovery != null) {
            recovery.close();
        }
        synchronized (lockspaceMonitor) {
            lockspaces.values().forEach(LockspaceImpl::close);
        }
        transport.close();
        scheduler.shutdownNow();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
