package org.gfspnfs.it.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Static helper programs for the guest, compiled on the host at test time ({@code gcc -static}; the guest has only
 * busybox and no libc of its own) and handed in with {@link GuestRun#file(Path)}.
 */
public final class GuestBinaries {

    private GuestBinaries() {
    }

    /** guest/lockprobe.c: fcntl byte-range and flock whole-file lock probes; the guest sees /files/lockprobe. */
    public static Path lockprobe(Path workDir) {
        return compile("lockprobe", workDir);
    }

    /** guest/tcpbytes.c: the guest kernel's TCP connections with bytes sent/received; /files/tcpbytes. */
    public static Path tcpbytes(Path workDir) {
        return compile("tcpbytes", workDir);
    }

    static Path compile(String name, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path src = workDir.resolve(name + ".c");
            Path bin = workDir.resolve(name);
            Files.writeString(src, GuestScript.readResource("guest/" + name + ".c"), StandardCharsets.UTF_8);
            Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-Wall", "-o", bin.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                gcc.destroyForcibly();
                throw new IllegalStateException("gcc -static " + name + ".c failed (apt-get install gcc libc6-dev): "
                        + out);
            }
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
