package org.gfspnfs.it.server;

import org.gfspnfs.it.vm.NfsTarget;

/**
 * An NFSv4.1 server on 127.0.0.1 that a kernel-client scenario runs against: ours ({@link ServerProcess}) or the
 * reference ({@link GaneshaServer}). Restart keeps the data directory, the port and the export, as a reboot would
 * (RFC 8881 section 8.4: state is lost, fsync'd data is not).
 */
public interface NfsServer extends AutoCloseable {

    NfsTarget target();

    /** Stops the server (graceful first) and starts it again on the same port over the same data. */
    void restart();

    /** Stops the server; never throws for a server that is already down. */
    @Override
    void close();
}
