package org.gfspnfs.it.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Thread dumps of server JVMs for a test that failed or timed out: each JVM's full dump ({@code jcmd PID
 * Thread.print}) goes to a file, and a few lines name the threads that were inside our code and not idle (blocked
 * on a monitor, or waiting anywhere but an idle pool's queue), with the frame of ours they stood in. A hang then
 * shows where it hangs in the CI output itself, not only in files that stay on the CI machine.
 */
public final class ThreadDumps {
    private static final String OUR_PACKAGE = "org.gfspnfs.";
    /** Summary lines per JVM: the test's failure message must stay short enough to be seen whole. */
    private static final int MAX_LINES_PER_JVM = 6;

    private ThreadDumps() {
    }

    /**
     * Dumps every process in {@code jvms} into {@code dir} ({@code NAME-threads.txt}, NAME from the process's
     * {@code --node} argument or its pid) and returns the summary, or why there is none.
     */
    public static String dumpAndSummarize(List<ProcessHandle> jvms, Path dir) {
        StringBuilder out = new StringBuilder();
        for (ProcessHandle jvm : jvms) {
            String name = nodeName(jvm).orElse("pid" + jvm.pid());
            try {
                String dump = threadPrint(jvm.pid());
                Files.createDirectories(dir);
                Path file = dir.resolve(name + "-threads.txt");
                Files.writeString(file, dump, StandardCharsets.UTF_8);
                List<String> busy = busyThreads(dump);
                out.append(name).append(": ").append(busy.size()).append(" busy thread(s) of ours; dump ")
                        .append(file).append('\n');
                busy.stream().limit(MAX_LINES_PER_JVM).forEach(l -> out.append("  ").append(l).append('\n'));
            } catch (IOException e) {
                out.append(name).append(": no thread dump (").append(e.getMessage()).append(")\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out.append("interrupted\n").toString();
            }
        }
        return out.toString();
    }

    /**
     * "THREAD STATE at FRAME [waiting for ...]" for each thread of a HotSpot dump whose stack has one of our frames
     * and that is not an idle worker (parked in a pool's getTask or a selector below all of our frames).
     */
    static List<String> busyThreads(String dump) {
        List<Busy> busy = new ArrayList<>();
        for (String block : dump.split("\n\n")) {
            String[] lines = block.strip().split("\n");
            if (lines.length < 2 || !lines[0].startsWith("\"")) {
                continue;
            }
            String name = lines[0].substring(1, lines[0].indexOf('"', 1));
            String state = "";
            String ours = null;
            String waitingOn = "";
            boolean idle = false;
            for (String raw : lines) {
                String l = raw.strip();
                if (l.startsWith("java.lang.Thread.State: ")) {
                    state = l.substring("java.lang.Thread.State: ".length()).split(" ")[0];
                } else if (l.startsWith("- waiting to lock") || l.startsWith("- waiting on")
                        || l.startsWith("- parking to wait for")) {
                    waitingOn = waitingOn.isEmpty() ? l.substring(2) : waitingOn;
                } else if (l.startsWith("at ")) {
                    if (ours == null && l.contains(OUR_PACKAGE)) {
                        ours = l.substring(3);
                    }
                    if (l.contains("ThreadPoolExecutor.getTask") || l.contains("SelectorImpl.select")
                            || l.contains("ScheduledThreadPoolExecutor$DelayedWorkQueue.take")) {
                        idle = ours == null;
                    }
                }
            }
            if (ours != null && !idle) {
                busy.add(new Busy(state,
                        name + " " + state + " at " + ours + (waitingOn.isEmpty() ? "" : " (" + waitingOn + ")")));
            }
        }
        return busy.stream().sorted(Comparator.comparingInt(b -> rank(b.state()))).map(Busy::line).toList();
    }

    /** Blocked threads first, then waiting ones, then the rest: the first lines are the likeliest culprits. */
    private static int rank(String state) {
        return switch (state) {
            case "BLOCKED" -> 0;
            case "WAITING" -> 1;
            case "TIMED_WAITING" -> 2;
            default -> 3;
        };
    }

    private record Busy(String state, String line) {
    }

    private static String threadPrint(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " did not finish within 30 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<String> nodeName(ProcessHandle jvm) {
        String[] args = jvm.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--node")) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
