package org.gfspnfs.it.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one guest run produced: the guest script's exit code (124 = the wall-clock limit killed it, 125 = the harness,
 * boot or mount failed), the console it printed, and what the console markers of guest/lib.sh say.
 *
 * @param exitCode   the guest script's exit status as the harness reported it
 * @param console    the whole console (kernel messages, @@VMC and @@IT markers, the script's output), \r removed
 * @param consoleLog where the console and the harness's stderr were saved
 */
public record GuestResult(VmKind kind, String scriptName, int exitCode, String console, Duration elapsed,
                          Path consoleLog) {

    public static final int TIMEOUT = 124;
    public static final int HARNESS_FAILURE = 125;

    public boolean succeeded() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == TIMEOUT;
    }

    public boolean harnessFailed() {
        return exitCode == HARNESS_FAILURE;
    }

    /** The messages of the guest's {@code it_fail} lines ({@code @@IT FAIL ...}). */
    public List<String> failures() {
        return ConsoleParser.linesAfter(console, "@@IT FAIL ");
    }

    /** The messages of the guest's {@code it_ok} lines. */
    public List<String> passedChecks() {
        return ConsoleParser.linesAfter(console, "@@IT OK ");
    }

    /** Values the guest reported with {@code it_kv KEY VALUE}, in order. */
    public Map<String, String> values() {
        return ConsoleParser.keyValues(console);
    }

    /** Step durations the guest reported with {@code it_time} (guest clock). */
    public Map<String, Duration> stepTimes() {
        return ConsoleParser.stepTimes(console);
    }

    /** The /proc/self/mountstats the guest printed last with {@code it_mountstats}, if it printed any. */
    public Optional<MountStats> mountStats() {
        return ConsoleParser.lastBlock(console, "@@IT MOUNTSTATS BEGIN", "@@IT MOUNTSTATS END").map(MountStats::parse);
    }

    /** The guest kernel's TCP connections with their byte counts, as the guest printed them with /files/tcpbytes. */
    public List<TcpConnection> tcpConnections() {
        return TcpConnection.parse(ConsoleParser.linesAfter(console, "@@IT TCPBYTES "));
    }

    /** A one-paragraph account for assertion messages: rc, failures, and the console's last lines (from the mount on). */
    public String describe() {
        List<String> lines = console.lines().toList();
        // From the mount on when the guest got that far: the boot messages before it only crowd the script out.
        int mounted = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("@@VMC MOUNTED")) {
                mounted = i;
            }
        }
        String tail = String.join("\n", lines.subList(Math.max(mounted, lines.size() - 25), lines.size()));
        return String.format("%s on %s: exit %d after %.1f s%s; failures %s; console %s; last lines:%n%s",
                scriptName, kind, exitCode, elapsed.toMillis() / 1000.0,
                timedOut() ? " (TIMEOUT)" : harnessFailed() ? " (HARNESS/BOOT/MOUNT FAILURE)" : "",
                failures(), consoleLog, tail);
    }
}
