package org.gfspnfs.it.pnfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.RecallTarget;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeEndpoint;

/**
 * The MDS's own account of the layouts it granted while a guest ran: polls the demo's control channel (the
 * {@code gfsctl layouts} procedure) and keeps what it saw, since the layouts are returned before the guest ends.
 * Owns one polling thread, stopped by {@link #close()}.
 */
final class LayoutWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    static final Duration RECALL_SPACING = Duration.ofSeconds(2);

    private final ControlClient control;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "layout-watch");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> dataServers = new TreeSet<>();
    private final List<String> errors = new ArrayList<>();
    private final boolean recall;
    private final Map<String, Long> lastRecall = new HashMap<>();
    private int recallsSent;
    private int polls;
    private int maxLayouts;
    private boolean recallSeen;

    private LayoutWatch(ControlClient control, boolean recall) {
        this.control = control;
        this.recall = recall;
    }

    /** Watches only. */
    static LayoutWatch start(InetSocketAddress controlAddress, Path keyFile) throws IOException {
        return start(controlAddress, keyFile, false);
    }

    /**
     * Watches and recalls (CB_LAYOUTRECALL, RFC 8881 section 20.3, through the control channel's recall-layouts
     * procedure) the layouts of every file it sees held, again only when the file's layout was seen returned and
     * re-granted and {@link #RECALL_SPACING} has passed, as an operator or a conflicting client would: the guest's
     * I/O must carry on over fresh layouts. (Recalling a layout again while the first recall is outstanding drives
     * the demo into a LAYOUTCOMMIT NFS4ERR_OLD_STATEID loop: see it/README.md.)
     */
    static LayoutWatch startRecalling(InetSocketAddress controlAddress, Path keyFile) throws IOException {
        return start(controlAddress, keyFile, true);
    }

    private static LayoutWatch start(InetSocketAddress controlAddress, Path keyFile, boolean recall)
            throws IOException {
        ControlClient c = new ControlClient(new NodeEndpoint("node1", controlAddress), ClusterKey.read(keyFile),
                "it-layout-watch", Duration.ofSeconds(2), Clock.systemUTC());
        LayoutWatch w = new LayoutWatch(c, recall);
        w.poller.scheduleWithFixedDelay(w::pollOnce, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    private void pollOnce() {
        try {
            List<LayoutInfo> layouts = control.layouts(LayoutFilter.all());
            synchronized (this) {
                polls++;
                maxLayouts = Math.max(maxLayouts, layouts.size());
                for (LayoutInfo l : layouts) {
                    dataServers.addAll(l.dataServers());
                    recallSeen |= l.recalling();
                }
            }
            if (recall) {
                recallSome(layouts);
            }
        } catch (Exception e) {
            synchronized (this) {
                if (errors.size() < 5) {
                    errors.add(e.toString());
                }
            }
        }
    }

    private void recallSome(List<LayoutInfo> layouts) {
        long now = System.nanoTime();
        for (String file : layouts.stream().filter(l -> !l.recalling()).map(LayoutInfo::file).distinct().toList()) {
            Long last = lastRecall.get(file);
            if (last != null && now - last < RECALL_SPACING.toNanos()) {
                continue;
            }
            lastRecall.put(file, now);
            try {
                int n = control.recallLayouts(RecallTarget.file(file)).affected();
                synchronized (this) {
                    recallsSent += n;
                }
            } catch (NoSuchEntityException e) {
                // returned between the listing and the recall: nothing to recall
            } catch (Exception e) {
                synchronized (this) {
                    if (errors.size() < 5) {
                        errors.add("recall " + file + ": " + e);
                    }
                }
            }
        }
    }

    /** Layouts the MDS said it sent CB_LAYOUTRECALL for, on this watch's requests. */
    synchronized int recallsSent() {
        return recallsSent;
    }

    /** Every data server named by a layout the MDS listed while watched. */
    synchronized Set<String> dataServersSeen() {
        return new TreeSet<>(dataServers);
    }

    /** The most layouts the MDS listed at once. */
    synchronized int maxLayouts() {
        return maxLayouts;
    }

    /** Whether any listed layout was being recalled (CB_LAYOUTRECALL outstanding). */
    synchronized boolean recallSeen() {
        return recallSeen;
    }

    synchronized String describe() {
        return "layout watch: " + polls + " polls, up to " + maxLayouts + " layouts, data servers " + dataServers
                + ", recall seen " + recallSeen + ", recalls sent " + recallsSent + ", errors " + errors;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            control.close();
        }
    }
}
