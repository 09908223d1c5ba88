package org.gfspnfs.it.pnfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes one TCP port of this host answer every segment with a reset, as the host of a stopped server does: an nft
 * table of its own ({@code inet gfspnfs_it_cut_PORT}, input hook, {@code reject with tcp reset}), removed by
 * {@link #close()}. Established connections die at their next segment and new ones are refused, so a client sees
 * exactly what it sees when the server process is gone; the server process itself keeps running. Needs root and nft
 * (scripts/install-test-deps.sh), like the UML harness.
 */
final class PortCut implements AutoCloseable {

    private final String table;

    private PortCut(String table) {
        this.table = table;
    }

    static PortCut resetTcp(int port) {
        String table = "gfspnfs_it_cut_" + port;
        nft("delete", "table", "inet", table);   // a stale one from a killed run; "no such table" is fine
        String rules = "table inet " + table + " {\n  chain input {\n    type filter hook input priority -10;\n"
                + "    tcp dport " + port + " reject with tcp reset\n  }\n}\n";
        if (nft("-f", "-", rules) != 0) {
            throw new IllegalStateException("nft could not install " + rules);
        }
        return new PortCut(table);
    }

    @Override
    public void close() {
        nft("delete", "table", "inet", table);
    }

    private static int nft(String... argsAndMaybeStdin) {
        boolean stdin = argsAndMaybeStdin.length == 3 && argsAndMaybeStdin[1].equals("-");
        List<String> cmd = stdin ? List.of("nft", "-f", "-") : prepend(argsAndMaybeStdin);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (stdin) {
                p.getOutputStream().write(argsAndMaybeStdin[2].getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("nft (apt-get install nftables)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> prepend(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "nft";
        System.arraycopy(args, 0, all, 1, args.length);
        return List.of(all);
    }
}
