package org.gfspnfs.mds.layout;

import java.io.IOException;
import java.util.HexFormat;

import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.DeviceError4;
import org.gfspnfs.nfs41.xdr.FfIoErr4;
import org.gfspnfs.nfs41.xdr.FfIoStats4;
import org.gfspnfs.nfs41.xdr.FfLayoutReturn4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client reports when it returns a flexfiles layout (ff_layoutreturn4, RFC 8435 section 9.1): data server
 * I/O errors are logged at WARN (an operator wants to know a client could not reach or use a data server; the
 * client has already fallen back to the MDS), I/O statistics at DEBUG. A body that does not decode is logged and
 * ignored: the return itself must never fail because of its report (section 9.1 makes the body advisory).
 */
final class FlexFilesReturnReport {
    private static final Logger LOG = LoggerFactory.getLogger(FlexFilesReturnReport.class);

    private FlexFilesReturnReport() {
    }

    /** Decodes and logs {@code body}; returns the report, or null when the body was empty or malformed. */
    static FfLayoutReturn4 read(long clientId, Inode inode, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        FfLayoutReturn4 report;
        try {
            report = XdrBytes.decode(body, new FfLayoutReturn4());
        } catch (IOException | RuntimeException e) {
            LOG.debug("client {} returned a flexfiles layout of {} with an undecodable report ({} bytes): {}",
                    clientId, inode, body.length, e.toString());
            return null;
        }
        for (FfIoErr4 err : report.ioErrors) {
            for (DeviceError4 d : err.errors) {
                LOG.warn("client {} reports data server I/O error on {} [{}+{}]: device {} status {} op {}",
                        clientId, inode, err.offset, err.length, HexFormat.of().formatHex(d.deviceId), d.status,
                        d.opnum);
            }
        }
        if (LOG.isDebugEnabled()) {
            for (FfIoStats4 s : report.ioStats) {
                LOG.debug("client {} flexfiles stats on {} via {}: read {} ops {} B, write {} ops {} B", clientId,
                        inode, s.addr == null ? "?" : s.addr.addr, s.readCount, s.readBytes, s.writeCount,
                        s.writeBytes);
            }
        }
        return report;
    }
}
