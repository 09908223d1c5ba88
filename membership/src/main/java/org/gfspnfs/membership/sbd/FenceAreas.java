package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceAgentKind;
import org.gfspnfs.conf.FenceDevice;

/**
 * Where the disk-fencing areas of a cluster live, and the open areas of this node.
 *
 * <p>A {@code disk} fence device with a {@code device="..."} attribute has its area at the start of that device
 * (a small shared partition or image, like an sbd device). Without one, the area belongs with the filesystem's
 * device; the on-disk format (gfs-layout FORMAT.md, version 1) has no reserved region for it yet, so for now it is
 * the file {@code <filesystem device>.fence} next to an image file, and a filesystem on a block device must name
 * a fence device of its own (refused with a message otherwise).
 */
public final class FenceAreas implements AutoCloseable {
    /** Suffix of the fence-area file next to a filesystem image. */
    public static final String SIBLING_SUFFIX = ".fence";

    private final ClusterConf conf;
    private final Map<Path, PoisonPillArea> open = new LinkedHashMap<>();

    public FenceAreas(ClusterConf conf) {
        this.conf = conf;
    }

    /** The area a disk fence device writes pills to. */
    public static Path location(ClusterConf conf, FenceDevice device) {
        if (device.kind() != FenceAgentKind.DISK) {
            throw new IllegalArgumentException("not a disk fence device: " + device.name());
        }
        if (device.attributes().containsKey("device")) {
            return conf.poisonPillDevice(device);
        }
        return defaultLocation(conf);
    }

    /** The area of disk fencing without a device of its own: next to the filesystem image. */
    public static Path defaultLocation(ClusterConf conf) {
        Path fs = conf.filesystem().device();
        if (Files.exists(fs) && !Files.isRegularFile(fs)) {
            throw new IllegalStateException("disk fencing has no area on " + fs + ": the filesystem format reserves "
                    + "none yet; give the disk fence device its own shared device (device=\"/dev/...\")");
        }
        return fs.resolveSibling(fs.getFileName() + SIBLING_SUFFIX);
    }

    /**
     * Every area a node must watch: those of the configured disk fence devices, and the default one (which the
     * implicit disk fencing of nodes without methods uses) when it can exist.
     */
    public static List<Path> watched(ClusterConf conf) {
        Set<Path> paths = new LinkedHashSet<>();
        for (FenceDevice device : conf.fenceDevices()) {
            if (device.kind() == FenceAgentKind.DISK) {
                paths.add(location(conf, device));
            }
        }
        boolean implicitUsed = conf.nodes().stream().anyMatch(n -> n.fenceMethods().isEmpty());
        if (paths.isEmpty() || implicitUsed) {
            paths.add(defaultLocation(conf));
        }
        return new ArrayList<>(paths);
    }

    /** The open area at {@code path}, opened (and formatted if new) on first use. */
    public synchronized PoisonPillArea area(Path path) throws IOException {
        PoisonPillArea area = open.get(path);
        if (area == null) {
            area = PoisonPillArea.open(path, conf.name());
            open.put(path, area);
        }
        return area;
    }

    /** Opens every {@linkplain #watched watched} area. */
    public List<PoisonPillArea> openWatched() throws IOException {
        List<PoisonPillArea> areas = new ArrayList<>();
        for (Path path : watched(conf)) {
            areas.add(area(path));
        }
        return areas;
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (PoisonPillArea area : open.values()) {
            try {
                area.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
