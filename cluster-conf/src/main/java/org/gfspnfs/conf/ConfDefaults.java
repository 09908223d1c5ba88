package org.gfspnfs.conf;

import java.time.Duration;

/**
 * Every default {@code cluster.conf} applies, in one place. An attribute left out takes the value below.
 *
 * <table>
 * <caption>Defaults</caption>
 * <tr><th>setting</th><th>where</th><th>default</th><th>why</th></tr>
 * <tr><td>{@code votes}</td><td>{@code <clusternode>}</td><td>1</td><td>as cman/votequorum</td></tr>
 * <tr><td>{@code expected_votes}</td><td>{@code <quorum>} / {@code <cman>}</td><td>sum of all nodes' votes</td>
 *     <td>as votequorum with a nodelist</td></tr>
 * <tr><td>{@code two_node}</td><td>{@code <quorum>}</td><td>off</td><td>votequorum</td></tr>
 * <tr><td>{@code wait_for_all}</td><td>{@code <quorum>}</td><td>on if {@code two_node}, else off</td>
 *     <td>votequorum: two_node implies wait_for_all unless set to 0</td></tr>
 * <tr><td>{@code roles}</td><td>{@code <clusternode>}</td><td>{@code ds}</td>
 *     <td>DS on every node; MDS only where asked</td></tr>
 * <tr><td>{@code address}</td><td>{@code <clusternode>}</td><td>the node name</td>
 *     <td>cman resolves the node name</td></tr>
 * <tr><td>{@code advertise}</td><td>{@code <clusternode>}</td><td>the node address</td>
 *     <td>what GETDEVICEINFO and the MDS hand to clients</td></tr>
 * <tr><td>{@code address}</td><td>endpoint elements</td><td>the node address</td><td></td></tr>
 * <tr><td>{@code port}</td><td>{@code <membership>}</td><td>{@value #MEMBERSHIP_PORT}</td>
 *     <td>Hazelcast's default</td></tr>
 * <tr><td>{@code port}</td><td>{@code <dlm>}</td><td>{@value #DLM_PORT}</td><td>Linux dlm's default</td></tr>
 * <tr><td>{@code port}</td><td>{@code <control>}</td><td>{@value #CONTROL_PORT}</td><td></td></tr>
 * <tr><td>{@code port}</td><td>{@code <nfs_mds>}</td><td>{@value #NFS_MDS_PORT}</td><td>NFS</td></tr>
 * <tr><td>{@code port}</td><td>{@code <nfs_ds>}</td><td>{@value #NFS_DS_PORT}</td>
 *     <td>next to NFS, distinct from the MDS</td></tr>
 * <tr><td>{@code heartbeat}</td><td>{@code <timing>}</td><td>1s</td><td>Hazelcast heartbeat period</td></tr>
 * <tr><td>{@code failure_timeout}</td><td>{@code <timing>} ({@code <totem token>})</td><td>5s</td>
 *     <td>silence before a member is declared dead</td></tr>
 * <tr><td>{@code fence_timeout}</td><td>{@code <timing>}</td><td>60s</td>
 *     <td>longest one fence agent run may take</td></tr>
 * <tr><td>{@code post_fail_delay}</td><td>{@code <timing>} ({@code <fence_daemon>})</td><td>0s</td>
 *     <td>as fenced</td></tr>
 * <tr><td>{@code post_join_delay}</td><td>{@code <timing>} ({@code <fence_daemon>})</td><td>3s</td>
 *     <td>as fenced</td></tr>
 * <tr><td>{@code self_fence_timeout}</td><td>{@code <timing>}</td><td>30s</td>
 *     <td>inquorate this long: stop and self-fence</td></tr>
 * <tr><td>{@code watchdog_timeout}</td><td>{@code <timing>}</td><td>5s</td>
 *     <td>disk fencing: a node that cannot read its slot this long self-fences (sbd watchdog)</td></tr>
 * <tr><td>{@code poison_pill_wait}</td><td>{@code <timing>}</td><td>10s</td>
 *     <td>disk fencing: wait after writing the pill before the victim counts as fenced (sbd msgwait)</td></tr>
 * <tr><td>{@code key_file}</td><td>{@code <control_channel>}</td><td>{@value #KEY_FILE}</td>
 *     <td>relative to the directory of cluster.conf</td></tr>
 * <tr><td>{@code lock_table}</td><td>{@code <filesystem>}</td><td>{@code <cluster name>:<filesystem name>}</td>
 *     <td>mkfs.gfs2 -t</td></tr>
 * <tr><td>{@code journals}</td><td>{@code <filesystem>}</td><td>number of nodes</td><td>one per node</td></tr>
 * <tr><td>method {@code name}</td><td>{@code <method>}</td><td>its position, 1, 2, ...</td><td>as cman</td></tr>
 * </table>
 */
public final class ConfDefaults {

    public static final int VOTES = 1;
    public static final int MEMBERSHIP_PORT = 5701;
    public static final int DLM_PORT = 21064;
    public static final int CONTROL_PORT = 21065;
    public static final int NFS_MDS_PORT = 2049;
    public static final int NFS_DS_PORT = 20049;
    public static final String KEY_FILE = "cluster.key";

    /** Node ids run from 1 to this: one disk-fencing slot and at most one journal per id. */
    public static final int MAX_NODE_ID = 255;
    /** Votes a single node may carry. */
    public static final int MAX_VOTES = 255;

    public static final Duration HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration FENCE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration POST_FAIL_DELAY = Duration.ZERO;
    public static final Duration POST_JOIN_DELAY = Duration.ofSeconds(3);
    public static final Duration SELF_FENCE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration WATCHDOG_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration POISON_PILL_WAIT = Duration.ofSeconds(10);

    private ConfDefaults() {
    }
}
