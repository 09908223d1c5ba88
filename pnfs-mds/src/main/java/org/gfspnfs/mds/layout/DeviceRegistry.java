package org.gfspnfs.mds.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gfspnfs.nfs41.pnfs.DeviceId;

/**
 * The files-layout devices of this MDS: the current one (the live data server list) and the ones replaced while
 * layouts may still name them, so GETDEVICEINFO keeps answering for them until the layouts are recalled. Device
 * ids carry the MDS instance in the high word and a counter in the low word, so an id never names two lists.
 */
public final class DeviceRegistry {
    private final long instance;
    private final Map<DeviceId, FilesDevice> devices = new HashMap<>();
    private long next = 1;
    private FilesDevice current;

    public DeviceRegistry(long instance, List<DataServerAddress> dataServers) {
        this.instance = instance;
        if (!dataServers.isEmpty()) {
            replace(dataServers);
        }
    }

    /** The device new layouts use; empty when there is no data server. */
    public synchronized Optional<FilesDevice> current() {
        return Optional.ofNullable(current);
    }

    public synchronized Optional<FilesDevice> find(DeviceId id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** Makes a new current device over {@code dataServers} (empty: none); returns the one it replaces, if any. */
    public synchronized Optional<FilesDevice> replace(List<DataServerAddress> dataServers) {
        FilesDevice old = current;
        current = dataServers.isEmpty() ? null : new FilesDevice(new DeviceId(instance, next++), dataServers);
        if (current != null) {
            devices.put(current.id(), current);
        }
        return Optional.ofNullable(old);
    }

    /** Forgets a replaced device once no layout names it. */
    public synchronized void retire(DeviceId id) {
        if (current == null || !current.id().equals(id)) {
            devices.remove(id);
        }
    }
}
