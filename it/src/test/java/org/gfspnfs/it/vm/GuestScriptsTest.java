package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "durable-write.sh", "durable-verify.sh"})
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
}
