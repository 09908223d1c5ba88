package org.gfspnfs.membership.process;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterConfParser;
import org.gfspnfs.membership.FenceAgents;
import org.gfspnfs.membership.MonotonicClock;
import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.gfspnfs.membership.fence.FenceCoordinator;
import org.gfspnfs.membership.fence.ManualFenceAck;
import org.gfspnfs.membership.hazelcast.HazelcastMemberView;
import org.gfspnfs.membership.recovery.RecoveryHooks;
import org.gfspnfs.membership.recovery.RecoverySequence;
import org.gfspnfs.membership.recovery.StepRecord;
import org.gfspnfs.membership.sbd.FencedIoException;
import org.gfspnfs.membership.sbd.DiskFenceLedger;
import org.gfspnfs.membership.sbd.FenceAreas;
import org.gfspnfs.membership.sbd.HaltAction;
import org.gfspnfs.membership.sbd.IoGate;
import org.gfspnfs.membership.sbd.SelfFenceWatchdog;

/**
 * One cluster node in its own JVM, for the multi-process tests: the production membership stack (Hazelcast view,
 * fence watchdog, fencing, recovery sequence) plus a writer that stamps a counter into this node's own region of
 * the shared image through the {@link IoGate}, every few milliseconds. It reports on stdout, one line each:
 * {@code READY <incarnation>}, {@code VIEW <ids> <quorate>}, {@code STEP <record>}, {@code WROTE <n>} (every
 * 20th write), {@code HALT <reason>}, {@code LEFT <incarnation>}. A line {@code LEAVE} on stdin makes it leave the
 * cluster in order, as the node daemon shuts down: writes shut off, watchdog stopped, LEFT recorded in its slot,
 * Hazelcast left gracefully; then it exits with status 0.
 *
 * <p>Arguments: cluster.conf path, node name, shared image path.
 */
public final class MemberNodeMain {
    static final int REGION = 4096;
    static final int HALT_STATUS = 99;

    private MemberNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        ClusterConf conf = ClusterConfParser.parse(Path.of(args[0]));
        String name = args[1];
        Path image = Path.of(args[2]);
        Clock clock = new MonotonicClock();
        HazelcastMemberView view = HazelcastMemberView.start(conf, name, null, clock);
        Member self = view.self();
        view.addListener(e -> say(out, "VIEW " + ids(e.snapshot()) + " " + e.snapshot().quorate() + " "
                + e.kind() + " " + e.member().nodeId()));
        FenceAreas areas = new FenceAreas(conf);
        IoGate gate = new IoGate(clock, conf.timing().watchdogTimeout(), () -> view.snapshot().quorate());
        HaltAction halt = reason -> {
            say(out, "HALT " + reason);
            Runtime.getRuntime().halt(HALT_STATUS);
        };
        SelfFenceWatchdog watchdog = new SelfFenceWatchdog(self.nodeId(), self.incarnation(), areas.openWatched(),
                () -> view.snapshot().quorate(), conf.timing().watchdogTimeout(), conf.timing().selfFenceTimeout(),
                gate, halt, clock);
        watchdog.start();
        ManualFenceAck ack = new ManualFenceAck(clock);
        // Beside the image, in the test's own temporary folder: a halted node leaves nothing behind in /tmp.
        Path work = Files.createDirectories(image.resolveSibling("fence-work-" + name));
        FenceCoordinator fencer = new FenceCoordinator(conf, FenceAgents.of(conf, areas, self.nodeId(), ack, work,
                clock), ack, () -> view.snapshot().quorate(), Duration.ofSeconds(1), clock);
        DiskFenceLedger ledger = DiskFenceLedger.open(conf, areas, clock);
        RecoverySequence recovery = new RecoverySequence(conf, view, fencer, ledger, view::fenced, new NoOpHooks(),
                Duration.ofMillis(500), conf.timing().heartbeat(), clock);
        recovery.start();
        Thread commands = new Thread(() -> {
            try {
                if ("LEAVE".equals(new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine())) {
                    // The order the node daemon follows at shutdown (membership/README.md, "Clean leave").
                    gate.close("left the cluster");
                    watchdog.close();
                    recovery.close();
                    fencer.close();
                    ledger.recordLeft(self.nodeId(), self.incarnation());
                    view.close();
                    say(out, "LEFT " + self.incarnation());
                    System.exit(0);
                }
            } catch (IOException e) {
                say(out, "LEAVE failed " + e);
            }
        }, "commands");
        commands.setDaemon(true);
        commands.start();
        say(out, "READY " + self.incarnation() + " " + ids(view.snapshot()));
        Thread steps = new Thread(() -> printSteps(out, recovery), "step-printer");
        steps.setDaemon(true);
        steps.start();
        write(out, image, self.nodeId(), gate);
    }

    /** Writes the node's counter into its region through the gate, forever. */
    private static void write(PrintStream out, Path image, int nodeId, IoGate gate) throws IOException,
            InterruptedException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long n = 0;
            String frozen = null;
            while (true) {
                try {
                    gate.checkWrite();
                    n++;
                    channel.write(ByteBuffer.allocate(8).putLong(0, n), (long) nodeId * REGION);
                    if (n % 20 == 0) {
                        say(out, "WROTE " + n);
                    }
                    frozen = null;
                } catch (FencedIoException e) {
                    if (!e.getMessage().equals(frozen)) {
                        frozen = e.getMessage();
                        say(out, "FROZEN " + frozen);
                    }
                }
                Thread.sleep(5);
            }
        }
    }

    private static void printSteps(PrintStream out, RecoverySequence recovery) {
        long printed = 0;
        while (true) {
            for (StepRecord r : recovery.records()) {
                if (r.seq() > printed) {
                    say(out, "STEP " + r.step() + " " + r.nodeId() + " " + r.outcome() + " "
                            + r.time().toEpochMilli() + " " + r.detail());
                    printed = r.seq();
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String ids(ViewSnapshot view) {
        return view.members().stream().map(m -> Integer.toString(m.nodeId())).collect(Collectors.joining(","));
    }

    private static synchronized void say(PrintStream out, String line) {
        out.println(System.currentTimeMillis() + " " + line);
        out.flush();
    }

    /** The DLM, filesystem and pNFS are not in this process: their steps succeed at once. */
    private static final class NoOpHooks implements RecoveryHooks {
        @Override
        public void stop(ViewSnapshot view) {
        }

        @Override
        public void recoverLocks(ViewSnapshot view, Set<Member> lost) {
        }

        @Override
        public void recoverJournal(ViewSnapshot view, Member lost) {
        }

        @Override
        public void recoverPnfs(ViewSnapshot view, Member lost) {
        }

        @Override
        public void resume(ViewSnapshot view) {
        }
    }

}
