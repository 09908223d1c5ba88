package org.gfspnfs.it.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether {@code ./gfspnfs demo} exists yet. The kernel-client ITs skip (JUnit assumption) only while the node CLI
 * does not know the subcommand; a launcher that fails for any other reason (build failure, no java) fails them.
 */
public final class DemoSubcommand {

    /** What {@code ./gfspnfs help demo} said. */
    public enum Availability { AVAILABLE, NOT_A_SUBCOMMAND_YET }

    private DemoSubcommand() {
    }

    public static Availability check(RepoPaths repo) {
        Result help = launch(repo, "help", "demo");
        if (help.rc == 0) {
            return Availability.AVAILABLE;
        }
        Result usage = launch(repo, "--help");
        if (usage.rc == 0 && usage.output.lines().anyMatch(l -> l.strip().startsWith("demo ")
                || l.strip().equals("demo"))) {
            return Availability.AVAILABLE;       // listed, even if the CLI has no `help` subcommand
        }
        // picocli's answer for an unknown subcommand: usage on stderr after "Unmatched argument(s) ..." /
        // "Unknown subcommand"; anything else means the launcher itself is broken.
        boolean picocliRejected = help.output.contains("Usage: gfspnfs")
                && (help.output.contains("Unmatched argument") || help.output.contains("Unknown subcommand"));
        if (picocliRejected) {
            return Availability.NOT_A_SUBCOMMAND_YET;
        }
        throw new IllegalStateException("./gfspnfs help demo failed with exit " + help.rc
                + " and is not an unknown-subcommand answer:\n" + help.output);
    }

    private record Result(int rc, String output) {
    }

    private static Result launch(RepoPaths repo, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(repo.root().resolve("gfspnfs").toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).directory(repo.root().toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            // the launcher builds the node module on first use: give it time, but bound it
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("./gfspnfs " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
