package org.gfspnfs.control.api;

import java.util.List;

/**
 * One layout segment held by a client (RFC 8881 section 12.5): stateid (hex), client, file, iomode, byte range
 * (length -1 = to end of file), the data servers it names, and whether a recall is outstanding.
 */
public record LayoutInfo(String stateid, long clientId, String file, LayoutIoMode iomode, long offset, long length,
                         List<String> dataServers, boolean recalling) {
    public LayoutInfo {
        dataServers = List.copyOf(dataServers);
    }
}
