package org.gfspnfs.mds.layout;

import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.nfs41.pnfs.DeviceAddress;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.xdr.FileLayoutDsAddr4;
import org.gfspnfs.nfs41.xdr.MultipathList4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * One files-layout device (RFC 8881 section 13.3): the ordered data server list; stripe index i is served by data
 * server i. Immutable: a changed list is a new device with a new id.
 */
public record FilesDevice(DeviceId id, List<DataServerAddress> dataServers) {
    public FilesDevice {
        dataServers = List.copyOf(dataServers);
        if (dataServers.isEmpty()) {
            throw new IllegalArgumentException("a device needs at least one data server");
        }
    }

    /** GETDEVICEINFO body: nfsv4_1_file_layout_ds_addr4, one multipath entry (one address) per data server. */
    public DeviceAddress address() {
        int[] indices = new int[dataServers.size()];
        List<MultipathList4> list = new ArrayList<>(dataServers.size());
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
            list.add(new MultipathList4(List.of(dataServers.get(i).netAddr())));
        }
        return new DeviceAddress(LayoutTypes.NFSV4_1_FILES, XdrBytes.encode(new FileLayoutDsAddr4(indices, list)));
    }

    public int width() {
        return dataServers.size();
    }
}
