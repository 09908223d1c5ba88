package org.gfspnfs.ds;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.control.spi.RevocationListener;

/**
 * A data server in a node process without the MDS (RFC 8881 section 13.6; pnfs-mds LAYOUT.md "data servers in other
 * processes"): the {@link DataServer} over this node's own mount of the shared filesystem, asking the MDS node over
 * the control channel for stateid verdicts (VALIDATE_STATEID, cached per the MDS's answer) and for the write path
 * ({@link RemoteMetadataServerLink}). The MDS's REVOKE_STATE reaches {@link #revocations()}, which the node plugs
 * into its own control server. Owns the control client and the data server; the filesystem, device, attribute view
 * and export table belong to the caller.
 */
public final class RemoteDataServer implements AutoCloseable {
    /** Default bound on every call to the MDS: well under the Linux client's 60 s retransmit timeout. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final ControlClient mds;
    private final StateidVerdictCache verdicts;
    private final RemoteMetadataServerLink link;
    private final DataServer server;

    private RemoteDataServer(ControlClient mds, StateidVerdictCache verdicts, RemoteMetadataServerLink link,
                             DataServer server) {
        this.mds = mds;
        this.verdicts = verdicts;
        this.link = link;
        this.server = server;
    }

    /**
     * Starts a data server linked to the MDS at {@code mdsControl}. {@code dataServer} is configured with everything
     * but the validator and the MDS link: bind address and port, this node's mount and device, an attribute view
     * over this node's mount, the cluster's export table (every node reads the same exports file).
     */
    public static RemoteDataServer start(DataServer.Builder dataServer, NodeEndpoint mdsControl, ClusterKey key,
                                         String nodeName, Duration callTimeout, Clock clock) throws IOException {
        Objects.requireNonNull(dataServer, "dataServer");
        ControlClient client = new ControlClient(mdsControl, key, nodeName + "/ds", callTimeout, clock);
        try {
            StateidVerdictCache verdicts = new StateidVerdictCache(client::validateStateid, clock, 4096);
            RemoteMetadataServerLink link = new RemoteMetadataServerLink(client);
            DataServer ds = dataServer.validator(new VerdictStateidValidator(verdicts)).metadataServer(link)
                    .clock(clock).start();
            return new RemoteDataServer(client, verdicts, link, ds);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Where the data server listens. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The MDS's REVOKE_STATE for this data server: plug into the node's {@code ControlProviders.revocations}. */
    public RevocationListener revocations() {
        return verdicts;
    }

    /**
     * Forgets every stateid verdict the MDS leased: call when the MDS node left the cluster view (it may come back
     * as a new instance that neither knows the old stateids nor remembers the leases). Returns how many went.
     */
    public int forgetVerdicts() {
        return verdicts.clear();
    }

    /** The write-path link (its counters show chunk allocations and report batches). */
    public RemoteMetadataServerLink link() {
        return link;
    }

    /** The data server itself. */
    public DataServer dataServer() {
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            mds.close();
        }
    }
}
