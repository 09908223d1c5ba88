package org.gfspnfs.dlm.core;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one node's DLM, in one typed place.
 *
 * @param nodeId            this node's id (cluster.conf)
 * @param incarnation       this life of the node; must equal the incarnation the member view announces
 * @param bindAddress       where the DLM transport listens (port 0: any free port)
 * @param ioThreads         Netty I/O threads
 * @param reconnectDelay    pause between connection attempts to a peer
 * @param deadlockInterval  how often the lowest node runs cluster-wide deadlock detection; zero disables it
 * @param deadlockPolicy    what detection does with a cycle
 * @param deadlockTimeout   how long detection waits for the members' wait-for edges
 * @param tossDelay         how long a resource stays in memory unused (no lock on it) before it is freed, with its
 *                          directory entry (Linux dlm: the toss list, toss_secs)
 * @param directoryNodes    the nodes that hold the resource directory while members ({@link #withDirectoryNodes})
 */
public record DlmConfig(int nodeId, long incarnation, InetSocketAddress bindAddress, int ioThreads,
                        Duration reconnectDelay, Duration deadlockInterval, DeadlockPolicy deadlockPolicy,
                        Duration deadlockTimeout, Duration tossDelay, Set<Integer> directoryNodes) {

    /** Default of {@link #tossDelay()}: 10 s, as Linux dlm's toss_secs. */
    public static final Duration DEFAULT_TOSS_DELAY = Duration.ofSeconds(10);

    /** What deadlock detection does with a cycle it finds. */
    public enum DeadlockPolicy {
        /** Report only. */
        REPORT,
        /** Fail the youngest waiting request of the cycle with {@link org.gfspnfs.dlm.api.LockStatus#DEADLOCK}. */
        FAIL_YOUNGEST
    }

    public DlmConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        Objects.requireNonNull(deadlockInterval, "deadlockInterval");
        Objects.requireNonNull(deadlockPolicy, "deadlockPolicy");
        Objects.requireNonNull(deadlockTimeout, "deadlockTimeout");
        Objects.requireNonNull(tossDelay, "tossDelay");
        directoryNodes = Set.copyOf(directoryNodes);
        if (nodeId <= 0 || ioThreads <= 0) {
            throw new IllegalArgumentException("nodeId and ioThreads must be positive");
        }
        if (tossDelay.isNegative() || tossDelay.isZero()) {
            throw new IllegalArgumentException("tossDelay must be positive: " + tossDelay);
        }
    }

    /** The settings with every member a directory node. */
    public DlmConfig(int nodeId, long incarnation, InetSocketAddress bindAddress, int ioThreads,
                     Duration reconnectDelay, Duration deadlockInterval, DeadlockPolicy deadlockPolicy,
                     Duration deadlockTimeout, Duration tossDelay) {
        this(nodeId, incarnation, bindAddress, ioThreads, reconnectDelay, deadlockInterval, deadlockPolicy,
                deadlockTimeout, tossDelay, Set.of());
    }

    /** The settings without {@code tossDelay} (then {@link #DEFAULT_TOSS_DELAY}). */
    public DlmConfig(int nodeId, long incarnation, InetSocketAddress bindAddress, int ioThreads,
                     Duration reconnectDelay, Duration deadlockInterval, DeadlockPolicy deadlockPolicy,
                     Duration deadlockTimeout) {
        this(nodeId, incarnation, bindAddress, ioThreads, reconnectDelay, deadlockInterval, deadlockPolicy,
                deadlockTimeout, DEFAULT_TOSS_DELAY);
    }

    /**
     * Defaults: loopback any port, 1 I/O thread, 100 ms reconnect, detection off, FAIL_YOUNGEST, 2 s timeout, unused
     * resources freed after 10 s.
     */
    public static DlmConfig defaults(int nodeId, long incarnation) {
        return new DlmConfig(nodeId, incarnation, new InetSocketAddress("127.0.0.1", 0), 1, Duration.ofMillis(100),
                Duration.ZERO, DeadlockPolicy.FAIL_YOUNGEST, Duration.ofSeconds(2));
    }

    public DlmConfig withBindAddress(InetSocketAddress address) {
        return new DlmConfig(nodeId, incarnation, address, ioThreads, reconnectDelay, deadlockInterval,
                deadlockPolicy, deadlockTimeout, tossDelay, directoryNodes);
    }

    public DlmConfig withDeadlockDetection(Duration interval, DeadlockPolicy policy) {
        return new DlmConfig(nodeId, incarnation, bindAddress, ioThreads, reconnectDelay, interval, policy,
                deadlockTimeout, tossDelay, directoryNodes);
    }

    public DlmConfig withTossDelay(Duration delay) {
        return new DlmConfig(nodeId, incarnation, bindAddress, ioThreads, reconnectDelay, deadlockInterval,
                deadlockPolicy, deadlockTimeout, delay, directoryNodes);
    }

    /**
     * The nodes that hold the resource directory while they are members (Linux dlm: the nodes of non-zero weight);
     * empty, or none of them a member, means every member does. Every node of a lockspace must be given the same
     * set (it comes from the shared cluster.conf).
     */
    public DlmConfig withDirectoryNodes(Set<Integer> nodes) {
        return new DlmConfig(nodeId, incarnation, bindAddress, ioThreads, reconnectDelay, deadlockInterval,
                deadlockPolicy, deadlockTimeout, tossDelay, nodes);
    }
}
