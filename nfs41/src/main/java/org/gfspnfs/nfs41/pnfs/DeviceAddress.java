package org.gfspnfs.nfs41.pnfs;

/** device_addr4: a layout type and its XDR-encoded device address body (e.g. nfsv4_1_file_layout_ds_addr4). */
public record DeviceAddress(int layoutType, byte[] body) {
}
