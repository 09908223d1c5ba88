package org.gfspnfs.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers for the server fixtures. */
final class PortProbe {

    private PortProbe() {
    }

    /** A port that was free on 127.0.0.1 a moment ago (the kernel picked it). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first of {@code count} consecutive ports that were all free on every address a moment ago (the demo binds
     * its data servers on 0.0.0.0 when it advertises a non-loopback address). Picked below the usual ephemeral range
     * (32768+) so an outgoing connection is unlikely to take one before the server binds it.
     */
    static int freePortRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(21000, 32000 - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports in 21000..32000");
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(p));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
