package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.conf.HostPort;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.ds.DataServer;
import org.gfspnfs.ds.VerdictStateidValidator;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.nfs41.export.ExportTable;

/**
 * The pNFS data servers this process serves (RFC 8881 section 13.6), each an NFSv4.1 server in DS role on its own
 * endpoint, reading and writing the shared device directly. They live next to the MDS in this process, so they
 * validate stateids against the MDS's tables and allocate through its {@code UnwrittenExtents} by direct call ({@link InProcessMdsLink});
 * a data server in another process uses the same verdict cache over the control channel. Also the control
 * channel's {@link RevocationListener} of this node: a revocation empties every local verdict cache.
 */
final class LocalDataServers implements RevocationListener, AutoCloseable {
    /** One endpoint to serve: a name for GETDEVICEINFO and logs, where to listen, what to advertise. */
    record Endpoint(String name, HostPort listen, HostPort advertise) {
    }

    private final List<DataServer> servers = new ArrayList<>();
    private final List<StateidVerdictCache> caches = new ArrayList<>();
    private final List<DataServerAddress> addresses = new ArrayList<>();

    private LocalDataServers() {
    }

    /**
     * Starts one data server per endpoint, in stripe order, over the in-process MDS. On failure the ones already
     * started are closed again.
     */
    static LocalDataServers start(List<Endpoint> endpoints, FileSystem fs, BlockDevice device,
                                  MetadataServerRole mds, ExportTable exports, Clock clock) throws IOException {
        LocalDataServers d = new LocalDataServers();
        try {
            for (Endpoint e : endpoints) {
                d.startOne(e, fs, device, mds, exports, clock);
            }
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void startOne(Endpoint e, FileSystem fs, BlockDevice device, MetadataServerRole mds,
                          ExportTable exports, Clock clock) throws IOException {
        StateidVerdictCache verdicts = new StateidVerdictCache(mds.stateidAuthority().inProcess(), clock, 4096);
        DataServer ds;
        try {
            ds = DataServer.builder().bindAddress(e.listen().host()).port(e.listen().port()).fileSystem(fs, device)
                    .attributes(mds.vfs()).exports(exports).clock(clock)
                    .validator(new VerdictStateidValidator(verdicts))
                    .metadataServer(InProcessMdsLink.of(mds)).start();
        } catch (IOException ex) {
            throw new IOException("data server " + e.name() + " on " + e.listen() + ": " + ex.getMessage(), ex);
        }
        servers.add(ds);
        caches.add(verdicts);
        int port = e.advertise().port() == 0 ? ds.address().getPort() : e.advertise().port();
        addresses.add(DataServerAddress.resolve(e.name(), e.advertise().host(), port));
    }

    /** What GETDEVICEINFO names, in stripe order. */
    List<DataServerAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** Where each data server listens, in stripe order. */
    List<InetSocketAddress> listening() {
        return servers.stream().map(DataServer::address).toList();
    }

    @Override
    public int revoked(Revocation revocation) throws ControlException {
        int dropped = 0;
        for (StateidVerdictCache c : caches) {
            dropped += c.revoked(revocation);
        }
        return dropped;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DataServer ds : servers) {
            try {
                ds.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        servers.clear();
        if (first != null) {
            throw first;
        }
    }
}
