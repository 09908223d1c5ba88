package org.gfspnfs.bench.nfs;

import org.gfspnfs.nfs41.xdr.Stateid4;

/** A file opened by OPEN: its file handle and the open stateid (RFC 8881 section 8.2) to do I/O and CLOSE with. */
public record OpenFile(String name, byte[] fh, Stateid4 stateid) {
}
