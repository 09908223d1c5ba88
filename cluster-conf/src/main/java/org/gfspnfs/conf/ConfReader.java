package org.gfspnfs.conf;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Second pass: reads the accepted tree into the model, reporting bad values and cross-element inconsistencies.
 * Builds the {@link ClusterConf} only when nothing at all was wrong.
 */
final class ConfReader {

    /** mkfs.gfs2 limits the lock table's cluster part to 32 and its fs part to 30 characters. */
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern FS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    private static final int MAX_JOURNALS = ConfDefaults.MAX_NODE_ID;

    private final Problems problems;
    private final Values values;
    private final Path baseDir;

    private ConfReader(Problems problems, Path baseDir) {
        this.problems = problems;
        this.values = new Values(problems);
        this.baseDir = baseDir;
    }

    /**
     * @param baseDir directory relative paths (device, key file) resolve against
     */
    static Optional<ClusterConf> read(XmlElement cluster, Path baseDir, Problems problems) {
        return new ConfReader(problems, baseDir).read(cluster);
    }

    private Optional<ClusterConf> read(XmlElement cluster) {
        String name = clusterName(cluster);
        XmlAttr versionAttr = values.required(cluster, "config_version",
                "add config_version=\"1\" and raise it on every change");
        Integer version = versionAttr == null ? null : values.integer(versionAttr, 1, Integer.MAX_VALUE);
        QuorumReader quorumReader = new QuorumReader(problems);
        QuorumReader.Settings quorumSettings = quorumReader.read(cluster);
        Timing timing = new TimingReader(problems).read(cluster);
        Path keyFile = keyFile(cluster);
        FenceDeviceReader fenceReader = new FenceDeviceReader(problems, baseDir);
        List<FenceDevice> fenceDevices = fenceReader.read(cluster.child("fencedevices"));
        List<NodeDraft> nodes = nodes(cluster);
        XmlElement clusternodes = cluster.child("clusternodes").orElse(cluster);
        new NodeChecks(problems).check(nodes, fenceReader.names, clusternodes);
        QuorumConf quorum = null;
        if (!nodes.isEmpty() && nodes.stream().allMatch(n -> n.votes != null)) {
            quorum = quorumReader.resolve(quorumSettings, nodes.stream().map(n -> n.votes).toList(), clusternodes);
        }
        FilesystemConf filesystem = filesystem(cluster, name, nodes.size());
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterConf(name, version, Objects.requireNonNull(quorum), timing, keyFile,
                filesystem, fenceDevices, nodes.stream().map(NodeDraft::build).toList()));
    }

    private String clusterName(XmlElement cluster) {
        XmlAttr attr = values.required(cluster, "name",
                "add name=\"...\": 1 to 32 letters, digits, '-' or '_'; it is the cluster part of the lock table");
        if (attr == null) {
            return null;
        }
        if (!CLUSTER_NAME.matcher(attr.value()).matches()) {
            problems.at(attr, "cluster name \"" + attr.value() + "\" is not valid",
                    "use 1 to 32 letters, digits, '-' or '_' (mkfs.gfs2 lock table rules)");
            return null;
        }
        return attr.value();
    }

    private List<NodeDraft> nodes(XmlElement cluster) {
        Optional<XmlElement> clusternodes = cluster.child("clusternodes");
        if (clusternodes.isEmpty()) {
            problems.at(cluster, "<cluster> has no <clusternodes>",
                    "add <clusternodes> with a <clusternode name=\"...\" nodeid=\"...\"/> for each node");
            return List.of();
        }
        List<XmlElement> elements = clusternodes.get().children("clusternode");
        if (elements.isEmpty()) {
            problems.at(clusternodes.get(), "<clusternodes> lists no <clusternode>",
                    "add a <clusternode name=\"...\" nodeid=\"...\"/> for each node");
        }
        NodeReader reader = new NodeReader(problems);
        return elements.stream().map(reader::read).toList();
    }

    private Path keyFile(XmlElement cluster) {
        Optional<XmlAttr> attr = cluster.child("control_channel").flatMap(e -> e.attr("key_file"));
        if (attr.isPresent() && attr.get().value().isBlank()) {
            problems.at(attr.get(), "'key_file' on <control_channel> is empty",
                    "name the file holding the cluster key, or leave key_file out for " + ConfDefaults.KEY_FILE);
            return null;
        }
        return path(attr, ConfDefaults.KEY_FILE);
    }

    private FilesystemConf filesystem(XmlElement cluster, String clusterName, int nodeCount) {
        Optional<XmlElement> element = cluster.child("filesystem");
        if (element.isEmpty()) {
            problems.at(cluster, "<cluster> has no <filesystem>",
                    "add <filesystem name=\"gfs0\" device=\"/dev/...\"/> naming the shared device");
            return null;
        }
        XmlElement fs = element.get();
        XmlAttr nameAttr = values.required(fs, "name", "add name=\"...\": 1 to 30 letters, digits, '-' or '_'");
        String name = null;
        if (nameAttr != null && !FS_NAME.matcher(nameAttr.value()).matches()) {
            problems.at(nameAttr, "filesystem name \"" + nameAttr.value() + "\" is not valid",
                    "use 1 to 30 letters, digits, '-' or '_' (mkfs.gfs2 lock table rules)");
        } else if (nameAttr != null) {
            name = nameAttr.value();
        }
        XmlAttr deviceAttr = values.required(fs, "device",
                "add device=\"...\": the shared block device (or image file) every node opens");
        Path device = deviceAttr == null ? null : path(Optional.of(deviceAttr), null);
        LockTable lockTable = lockTable(fs, clusterName, name);
        Optional<XmlAttr> journalsAttr = fs.attr("journals");
        Integer journals = journalsAttr.isPresent() ? values.integer(journalsAttr.get(), 1, MAX_JOURNALS)
                : Integer.valueOf(Math.max(1, nodeCount));
        if (journals != null && journals < nodeCount) {
            problems.at(fs.attr("journals").orElseThrow(), "journals=\"" + journals + "\" is fewer than the "
                    + nodeCount + " nodes", "every node mounts with its own journal: set journals=\"" + nodeCount
                    + "\" or more (gfspnfs mkfs makes that many)");
            journals = null;
        }
        if (name == null || device == null || lockTable == null || journals == null) {
            return null;
        }
        return new FilesystemConf(name, device, lockTable, journals);
    }

    private LockTable lockTable(XmlElement fs, String clusterName, String fsName) {
        Optional<XmlAttr> attr = fs.attr("lock_table");
        if (attr.isEmpty()) {
            return clusterName == null || fsName == null ? null : new LockTable(clusterName, fsName);
        }
        String[] parts = attr.get().value().split(":", -1);
        if (parts.length != 2 || !CLUSTER_NAME.matcher(parts[0]).matches() || !FS_NAME.matcher(parts[1]).matches()) {
            problems.at(attr.get(), attr.get().quoted() + " is not of the form cluster:fs",
                    "write lock_table=\"" + (clusterName == null ? "cluster" : clusterName) + ":"
                            + (fsName == null ? "fs" : fsName) + "\" as for mkfs.gfs2 -t");
            return null;
        }
        if (clusterName != null && !parts[0].equals(clusterName)) {
            problems.at(attr.get(), attr.get().quoted() + " names cluster \"" + parts[0] + "\", but this cluster is \""
                    + clusterName + "\"", "the cluster part of the lock table must be the cluster name: lock_table=\""
                    + clusterName + ":" + parts[1] + "\"");
            return null;
        }
        return new LockTable(parts[0], parts[1]);
    }

    private Path path(Optional<XmlAttr> attr, String fallback) {
        String text = attr.map(XmlAttr::value).orElse(fallback);
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.at(attr.orElseThrow(), attr.get().quoted() + " is not a valid path", "write a file system path");
            return null;
        }
    }
}
