package org.gfspnfs.it.pnfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
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

    private final ControlClient control;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "layout-watch");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> dataServers = new TreeSet<>();
    private final List<String> errors = new ArrayList<>();
    private int polls;
    private int maxLayouts;
    private boolean recallSeen;

    private LayoutWatch(ControlClient control) {
        this.control = control;
    }

    static LayoutWatch start(InetSocketAddress controlAddress, Path keyFile) throws IOException {
        ControlClient c = new ControlClient(new NodeEndpoint("node1", controlAddress), ClusterKey.read(keyFile),
                "it-layout-watch", Duration.ofSeconds(2), Clock.systemUTC());
        LayoutWatch w = new LayoutWatch(c);
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
        } catch (Exception e) {
            synchronized (this) {
                if (errors.size() < 5) {
                    errors.add(e.toString());
                }
            }
        }
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
                + ", recall seen " + recallSeen + ", errors " + errors;
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
