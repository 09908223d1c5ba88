package org.gfspnfs.node.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;

/** Consecutive free loopback ports: the demo binds P..P+N, so a single free port is not enough. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A base port with {@code count} free consecutive ports on 127.0.0.1 after it. */
    public static int range(int count) throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below the ephemeral range (32768-60999 on Linux): outgoing connections never take these ports.
            int base = 20000 + random.nextInt(12000 - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }

    /** One free port below the ephemeral range. */
    public static int one() throws IOException {
        return range(1);
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
