package org.gfspnfs.node.daemon;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.conf.HostPort;
import org.gfspnfs.conf.Role;
import org.gfspnfs.mds.layout.DataServerAddress;
import org.gfspnfs.membership.api.MemberEvent;
import org.gfspnfs.membership.api.MemberView;
import org.gfspnfs.membership.api.ViewSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MDS's list of data servers in a cluster (what GETDEVICEINFO names, RFC 8881 section 13.2.1): every live
 * member with the ds role, in nodeid order, each at the address cluster.conf advertises for its {@code nfs_ds}; the
 * data servers of the MDS's own process stand in its own place. When a DS node joins or is lost the list changes
 * and the layout manager is told (CB_NOTIFY_DEVICEID, then recall of the layouts over the old device).
 */
final class DataServerDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataServerDirectory.class);

    private final ClusterConf conf;
    private final ClusterNode self;
    private final List<DataServerAddress> local;
    private final Consumer<List<DataServerAddress>> changed;
    private final MemberView.Registration registration;
    private List<DataServerAddress> current = List.of();

    private DataServerDirectory(ClusterConf conf, ClusterNode self, List<DataServerAddress> local,
                                Consumer<List<DataServerAddress>> changed, MemberView view) {
        this.conf = conf;
        this.self = self;
        this.local = List.copyOf(local);
        this.changed = changed;
        this.registration = view.addListener(this::onEvent);
    }

    /** Publishes the list for {@code view}'s members now and again at every join and loss. */
    static DataServerDirectory follow(ClusterConf conf, ClusterNode self, List<DataServerAddress> local,
                                      Consumer<List<DataServerAddress>> changed, MemberView view) {
        DataServerDirectory d = new DataServerDirectory(conf, self, local, changed, view);
        d.publish(view.snapshot());
        return d;
    }

    private void onEvent(MemberEvent e) {
        if (e.kind() == MemberEvent.Kind.JOINED || e.kind() == MemberEvent.Kind.LEFT) {
            publish(e.snapshot());
        }
    }

    private synchronized void publish(ViewSnapshot view) {
        List<DataServerAddress> list = dataServers(view);
        if (!list.equals(current)) {
            current = list;
            changed.accept(list);
        }
    }

    List<DataServerAddress> dataServers(ViewSnapshot view) {
        List<DataServerAddress> out = new ArrayList<>();
        for (ClusterNode n : conf.nodes()) {
            if (n.nodeId() == self.nodeId()) {
                out.addAll(local);
            } else if (n.hasRole(Role.DS) && view.member(n.nodeId()).isPresent()) {
                HostPort at = n.advertisedDs();
                try {
                    out.add(DataServerAddress.resolve(n.name(), at.host(), at.port()));
                } catch (UnknownHostException e) {
                    LOG.warn("data server of node {} left out of layouts: cannot resolve {}", n.name(), at.host());
                }
            }
        }
        return out;
    }

    synchronized List<DataServerAddress> current() {
        return current;
    }

    @Override
    public void close() {
        registration.close();
    }
}
