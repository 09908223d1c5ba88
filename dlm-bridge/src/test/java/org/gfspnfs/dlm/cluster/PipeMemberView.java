package org.gfspnfs.dlm.cluster;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberListener;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;

/**
 * A member view fed by the parent test process over the child's stdin, one line per view:
 * {@code VIEW <viewId> <quorate> <id:incarnation:port;...> <id:incarnation;...|->}.
 */
public final class PipeMemberView implements MemberView, AutoCloseable {
    private final Member self;
    private final List<MemberListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-view-pipe");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private ViewSnapshot current;

    public PipeMemberView(Member self) {
        this.self = self;
        this.current = new ViewSnapshot(0, self, List.of(self), Set.of(), false);
    }

    /** Applies one VIEW line. */
    void apply(String line) {
        String[] f = line.split(" ");
        long viewId = Long.parseLong(f[1]);
        boolean quorate = Boolean.parseBoolean(f[2]);
        List<Member> members = new ArrayList<>();
        for (String m : f[3].split(";")) {
            String[] p = m.split(":");
            int id = Integer.parseInt(p[0]);
            long inc = Long.parseLong(p[1]);
            members.add(id == self.nodeId() ? self
                    : new Member(id, "node" + id, inc, new InetSocketAddress("127.0.0.1", Integer.parseInt(p[2]))));
        }
        Set<Member> awaiting = new HashSet<>();
        if (!f[4].equals("-")) {
            for (String m : f[4].split(";")) {
                String[] p = m.split(":");
                int id = Integer.parseInt(p[0]);
                awaiting.add(new Member(id, "node" + id, Long.parseLong(p[1]), new InetSocketAddress(0)));
            }
        }
        ViewSnapshot snap;
        synchronized (this) {
            current = new ViewSnapshot(viewId, self, members, awaiting, quorate);
            snap = current;
        }
        MemberEvent e = new MemberEvent(MemberEvent.Kind.JOINED, self, snap);
        events.execute(() -> listeners.forEach(l -> l.onEvent(e)));
    }

    /** Reads VIEW lines from {@code in} into this view until STOP or end of input (run on its own thread). */
    public void feed(java.io.BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("VIEW ")) {
                    apply(line);
                } else if (line.equals("STOP")) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // the parent is gone: stop
        }
        stopped.countDown();
    }

    /** Waits for STOP (or the end of input) on the fed stream. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized ViewSnapshot snapshot() {
        return current;
    }

    @Override
    public Registration addListener(MemberListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        events.shutdownNow();
    }
}
