package org.gfspnfs.control.server;

import java.util.concurrent.atomic.AtomicInteger;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;

/** Counts accepted connections that are still open (Grizzly connection probe). */
final class ConnectionCounter extends ConnectionProbe.Adapter {
    private final AtomicInteger open = new AtomicInteger();

    @Override
    public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        open.incrementAndGet();
    }

    @Override
    public void onCloseEvent(Connection connection) {
        if (!(connection instanceof org.glassfish.grizzly.nio.transport.TCPNIOServerConnection)) {
            open.decrementAndGet();
        }
    }

    int open() {
        return open.get();
    }
}
