package org.gfspnfs.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.it.vm.NfsTarget;

/**
 * The reference server: NFS-Ganesha (Debian, FSAL_VFS) through scripts/ganesha.sh, exporting its data directory as
 * {@code /} on a free loopback port. Used to validate the guest workloads and the harness (GaneshaWorkloadCheck);
 * never by CI.
 */
public final class GaneshaServer implements NfsServer {

    private final RepoPaths repo;
    private final Path dir;
    private final int port;

    private GaneshaServer(RepoPaths repo, Path dir, int port) {
        this.repo = repo;
        this.dir = dir;
        this.port = port;
    }

    public static GaneshaServer start(RepoPaths repo, Path dir) {
        GaneshaServer g = new GaneshaServer(repo, dir, PortProbe.freePort());
        g.script("start", dir.toString(), Integer.toString(g.port), "/");
        return g;
    }

    @Override
    public NfsTarget target() {
        return NfsTarget.loopback(port, "/");
    }

    @Override
    public void restart() {
        script("stop", dir.toString());
        script("start", dir.toString(), Integer.toString(port), "/");
    }

    @Override
    public void close() {
        script("stop", dir.toString());
    }

    private void script(String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.root().resolve("scripts/ganesha.sh")
                .toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/ganesha.sh " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
