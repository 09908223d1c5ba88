package org.gfspnfs.conf;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed and validated {@code cluster.conf}: the one description of the cluster every module reads. Immutable;
 * obtain one from {@link ClusterConfParser}, or build one and write it with {@link ClusterConfWriter}.
 *
 * <p>Modelled on cman's {@code cluster.conf} (cluster name, config_version, {@code <clusternodes>},
 * {@code <fencedevices>}, per-node {@code <fence>}), with votequorum's quorum settings and our roles and endpoints.
 *
 * @param name          cluster name, the cluster part of the filesystem's lock table
 * @param configVersion raised by the admin on every change; nodes refuse to join with a different version
 * @param quorum        quorum settings, defaults applied
 * @param timing        failure detection and fencing timing
 * @param keyFile       control-channel key file, absolute
 * @param filesystem    the shared filesystem
 * @param fenceDevices  fence devices, in file order, unique names
 * @param nodes         nodes, in file order, unique names and ids
 */
public record ClusterConf(String name, int configVersion, QuorumConf quorum, Timing timing, Path keyFile,
                          FilesystemConf filesystem, List<FenceDevice> fenceDevices, List<ClusterNode> nodes) {

    public ClusterConf {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(filesystem, "filesystem");
        fenceDevices = List.copyOf(fenceDevices);
        nodes = List.copyOf(nodes);
    }

    public Optional<ClusterNode> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public Optional<ClusterNode> nodeById(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst();
    }

    public Optional<FenceDevice> fenceDevice(String deviceName) {
        return fenceDevices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    /** Sum of all configured nodes' votes. */
    public int totalVotes() {
        return nodes.stream().mapToInt(ClusterNode::votes).sum();
    }

    /** Nodes with the MDS role in preference order (lowest nodeid first): the first live one is the active MDS. */
    public List<ClusterNode> mdsCandidates() {
        return nodes.stream().filter(n -> n.hasRole(Role.MDS))
                .sorted(Comparator.comparingInt(ClusterNode::nodeId)).toList();
    }

    /** Nodes with the DS role, by nodeid: the order of the DS list in a files-layout device. */
    public List<ClusterNode> dataServers() {
        return nodes.stream().filter(n -> n.hasRole(Role.DS))
                .sorted(Comparator.comparingInt(ClusterNode::nodeId)).toList();
    }

    /** Every node's membership endpoint: the Hazelcast TCP-IP join member list. */
    public List<HostPort> membershipAddresses() {
        return nodes.stream().map(ClusterNode::membership).toList();
    }

    /**
     * The {@code key=value} arguments for one fence device run against {@code victim}, as fenced builds them: the
     * device's attributes, overridden by the node's {@code <device>} attributes, plus {@code nodename} (unless set)
     * and {@code agent}.
     */
    public Map<String, String> fenceArguments(ClusterNode victim, FenceDeviceRef ref) {
        FenceDevice device = fenceDevice(ref.device()).orElseThrow(
                () -> new IllegalArgumentException("no fence device " + ref.device()));
        Map<String, String> args = new LinkedHashMap<>();
        args.put("agent", device.agent());
        args.putAll(device.attributes());
        args.putAll(ref.attributes());
        args.putIfAbsent("nodename", victim.name());
        return args;
    }

    /**
     * The shared device a {@link FenceAgentKind#DISK disk} fence device writes poison pills to: its {@code device}
     * attribute (already absolute), else the filesystem's device.
     */
    public Path poisonPillDevice(FenceDevice device) {
        if (device.kind() != FenceAgentKind.DISK) {
            throw new IllegalArgumentException("not a disk fence device: " + device.name());
        }
        String path = device.attributes().get("device");
        return path == null ? filesystem.device() : Path.of(path);
    }

    /** The quorum calculator for this cluster, at start (no member seen yet). */
    public VoteQuorum newVoteQuorum() {
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        nodes.forEach(n -> votes.put(n.nodeId(), n.votes()));
        return VoteQuorum.start(quorum, votes);
    }
}
