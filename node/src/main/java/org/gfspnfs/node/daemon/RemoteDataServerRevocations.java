package org.gfspnfs.node.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.NodeFaultException;
import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeCallException;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.spi.RevocationListener;
import org.gfspnfs.mds.layout.DataServerAddress;

/**
 * MDS -> DS revocation (control channel REVOKE_STATE, PROTOCOL.md) to the data servers in other node processes: every
 * live node whose data server is in the stripe list, as {@link DataServerDirectory} publishes it. A node that is not
 * in the list is not a member, so it is fenced and serves nothing. Each call is bounded by the call timeout; a node
 * that does not answer is named in the exception, after the others have been told.
 */
final class RemoteDataServerRevocations implements RevocationListener, AutoCloseable {
    private final ClusterConf conf;
    private final ClusterNode self;
    private final ClusterKey key;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, ControlClient> clients = new HashMap<>();

    RemoteDataServerRevocations(ClusterConf conf, ClusterNode self, ClusterKey key, Duration timeout, Clock clock) {
        this.conf = conf;
        this.self = self;
        this.key = key;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The current stripe list: the nodes of other processes in it are the ones told from now on. */
    synchronized void follow(List<DataServerAddress> dataServers) {
        Set<String> remote = dataServers.stream().map(DataServerAddress::name)
                .filter(n -> !n.equals(self.name()) && conf.node(n).isPresent()).collect(Collectors.toSet());
        clients.entrySet().removeIf(e -> {
            if (!remote.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        for (String name : remote) {
            clients.computeIfAbsent(name, n -> {
                ClusterNode node = conf.node(n).orElseThrow();
                return new ControlClient(new NodeEndpoint(n, node.control().toSocketAddress()), key,
                        self.name() + "/mds", timeout, clock);
            });
        }
    }

    @Override
    public int revoked(Revocation revocation) throws ControlException {
        List<ControlClient> targets;
        synchronized (this) {
            targets = List.copyOf(clients.values());
        }
        int dropped = 0;
        StringBuilder failed = new StringBuilder();
        for (ControlClient c : targets) {
            try {
                dropped += c.revoke(revocation);
            } catch (NodeCallException | ControlException e) {
                failed.append(failed.length() == 0 ? "" : "; ").append(c.node().name()).append(": ")
                        .append(e.getMessage());
            }
        }
        if (failed.length() > 0) {
            throw new NodeFaultException("REVOKE_STATE not confirmed by " + failed);
        }
        return dropped;
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(ControlClient::close);
        clients.clear();
    }
}
