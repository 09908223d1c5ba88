package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guest scripts and helpers are well-formed before any VM boots (a syntax error would only show in a guest). */
class GuestScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"mount41.sh", "bigfile.sh", "deeptree.sh", "smallfiles.sh", "rename.sh", "links.sh",
            "attrs.sh", "truncate.sh", "append.sh", "rmr.sh", "locks.sh", "twowriters.sh", "umount.sh",
            "durable-write.sh", "durable-verify.sh", "pnfs-bigfile.sh", "pnfs-truncate-remove.sh", "pnfs-ds-loss.sh",
            "writedeleg.sh", "writedeleg-recall.sh", "writedeleg-reclaim.sh", "pnfs-rw-deleg.sh"})
    void guestScript_withHelpers_parsesAsPosixShell(String name, @TempDir Path dir) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, GuestScript.resource(name).render());
        Process sh = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as("sh -n %s: %s", name, out).isZero();
    }

    @Test
    void lockprobe_compilesStatic_andAnswersOnALocalFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path bin = GuestBinaries.lockprobe(dir.resolve("bin"));
        Path file = dir.resolve("f");
        Process test = new ProcessBuilder(bin.toString(), "test", file.toString(), "0", "10", "w")
                .redirectErrorStream(true).start();
        String out = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("free");
        assertThat(test.exitValue()).isZero();
    }

    /**
     * Compiles and runs here; the connection listing itself is checked in the guest by PnfsKernelClientIT (this
     * host's sandboxed kernel answers sock_diag with an empty entry).
     */
    @Test
    void tcpbytes_compilesStatic_dumpsAndProbes(@TempDir Path dir) throws IOException, InterruptedException {
        Path bin = GuestBinaries.tcpbytes(dir.resolve("bin"));
        Process dump = new ProcessBuilder(bin.toString()).redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(text).isZero();
        assertThat(text.lines()).as(text).allMatch(l -> l.matches("tcp \\S+ \\d+ \\d+ \\d+"));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(probe(bin, listener.getLocalPort())).as("connect to a listening port").isZero();
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThat(probe(bin, closed)).as("connect to a closed port").isEqualTo(1);
    }

    private static int probe(Path bin, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bin.toString(), "connect", "127.0.0.1", Integer.toString(port)).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
