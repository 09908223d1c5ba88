package org.gfspnfs.membership.sbd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceAgentKind;
import org.gfspnfs.conf.FenceDevice;

/**
 * Where the disk-fencing areas of a cluster live, and the open areas of this node.
 *
 * <p>A {@code disk} fence device with a {@code device="..."} attribute has its area at the start of that device
 * (a small shared partition or image, like an sbd device). Without one, the area belongs with the filesystem's
 * device: the 1 MiB that gfs-layout's mkfs reserves after the superblock (FORMAT.md, compat flag FENCE_AREA; found
 * from the superblock). A filesystem made before that area existed keeps the file {@code <filesystem device>.fence}
 * next to its image; on a block device it must name a fence device of its own (refused with a message otherwise).
 */
public final class FenceAreas implements AutoCloseable {
    /** Suffix of the fence-area file next to a filesystem image that has no area of its own. */
    public static final String SIBLING_SUFFIX = ".fence";

    private final ClusterConf conf;
    private final Map<FenceAreaLocation, PoisonPillArea> open = new LinkedHashMap<>();

    public FenceAreas(ClusterConf conf) {
        this.conf = conf;
    }

    /** The area a disk fence device writes pills to. */
    public static FenceAreaLocation location(ClusterConf conf, FenceDevice device) throws IOException {
        if (device.kind() != FenceAgentKind.DISK) {
            throw new IllegalArgumentException("not a disk fence device: " + device.name());
        }
        if (device.attributes().containsKey("device")) {
            return FenceAreaLocation.startOf(conf.poisonPillDevice(device));
        }
        return defaultLocation(conf);
    }

    /**
     * The area of disk fencing without a device of its own: inside the filesystem device when its superblock
     * reserves one, else next to the filesystem image.
     *
     * @throws IOException           when the superblock cannot be read or describes an impossible area
     * @throws IllegalStateException when the filesystem is on a block device without an area
     */
    public static FenceAreaLocation defaultLocation(ClusterConf conf) throws IOException {
        Path fs = conf.filesystem().device();
        OptionalLong inside = FilesystemFenceArea.offset(fs);
        if (inside.isPresent()) {
            return new FenceAreaLocation(fs, inside.getAsLong());
        }
        if (Files.exists(fs) && !Files.isRegularFile(fs)) {
            throw new IllegalStateException("disk fencing has no area on " + fs + ": its filesystem was made without "
                    + "the fence area (gfs-layout FORMAT.md, FENCE_AREA); run mkfs again, or give the disk fence "
                    + "device its own shared device (device=\"/dev/...\")");
        }
        return FenceAreaLocation.startOf(fs.resolveSibling(fs.getFileName() + SIBLING_SUFFIX));
    }

    /**
     * Every area a node must watch: those of the configured disk fence devices, and the default one (which the
     * implicit disk fencing of nodes without methods uses, and where fencing outcomes and clean leaves are recorded)
     * when it can exist.
     */
    public static List<FenceAreaLocation> watched(ClusterConf conf) throws IOException {
        Set<FenceAreaLocation> locations = new LinkedHashSet<>();
        for (FenceDevice device : conf.fenceDevices()) {
            if (device.kind() == FenceAgentKind.DISK) {
                locations.add(location(conf, device));
            }
        }
        boolean implicitUsed = conf.nodes().stream().anyMatch(n -> n.fenceMethods().isEmpty());
        if (locations.isEmpty() || implicitUsed) {
            locations.add(defaultLocation(conf));
        }
        return new ArrayList<>(locations);
    }

    /** The open area at the start of {@code path}, opened (and formatted if new) on first use. */
    public PoisonPillArea area(Path path) throws IOException {
        return area(FenceAreaLocation.startOf(path));
    }

    /** The open area at {@code location}, opened (and formatted if all zero) on first use. */
    public synchronized PoisonPillArea area(FenceAreaLocation location) throws IOException {
        PoisonPillArea area = open.get(location);
        if (area == null) {
            area = PoisonPillArea.open(location, conf.name());
            open.put(location, area);
        }
        return area;
    }

    /** Opens every {@linkplain #watched watched} area. */
    public List<PoisonPillArea> openWatched() throws IOException {
        List<PoisonPillArea> areas = new ArrayList<>();
        for (FenceAreaLocation location : watched(conf)) {
            areas.add(area(location));
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
