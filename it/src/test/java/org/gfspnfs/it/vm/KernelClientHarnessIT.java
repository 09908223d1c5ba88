package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.gfspnfs.it.server.RepoPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, with no NFS server needed: a guest's exit code and console reach the host, a guest that
 * overruns its limit is killed and reported as a timeout with nothing left running, and a mount failure is a harness
 * failure (125), not a test result. These must pass on every machine that runs the ITs; they fail, never skip.
 */
class KernelClientHarnessIT {

    private final RepoPaths repo = RepoPaths.find();
    private final Path work = repo.itTarget("kernel-client/harness");
    private KernelClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private static final NfsTarget NOWHERE = NfsTarget.loopback(9, "/");

    @Test
    void umlGuest_exitCodeAndConsole_reachTheHost() {
        assertThat(KernelClient.umlUsable()).as("UML usable (root, /dev/net/tun, user-mode-linux installed)").isTrue();
        client = KernelClient.of(VmKind.UML, repo.itModule(), work);
        GuestResult r = client.run(NOWHERE, GuestRun.of(GuestScript.inline("exit7",
                "it_kv kernel \"$(uname -r)\"; it_ok booted; exit 7")).noMount().timeout(Duration.ofSeconds(60)));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(7);
        assertThat(r.passedChecks()).containsExactly("booted");
        assertThat(r.values().get("kernel")).as(r.describe()).startsWith("6.");
    }

    @Test
    void qemuGuest_exitCodeAndConsole_reachTheHost() {
        client = KernelClient.of(VmKind.QEMU, repo.itModule(), work);
        GuestResult r = client.run(NOWHERE, GuestRun.of(GuestScript.inline("exit3",
                "it_ok booted; exit 3")).noMount().timeout(Duration.ofSeconds(180)));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
        assertThat(r.passedChecks()).containsExactly("booted");
    }

    @Test
    void guestOverrunningItsLimit_isKilled_reportedAsTimeout_nothingLeftRunning() {
        client = KernelClient.auto(repo.itModule(), work);
        GuestResult r = client.run(NOWHERE, GuestRun.of(GuestScript.inline("sleeper", "it_ok started; sleep 600"))
                .noMount().timeout(Duration.ofSeconds(8)));
        assertThat(r.timedOut()).as(r.describe()).isTrue();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
        String runDir = r.consoleLog().getParent().toString();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(runDir)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
                .as("processes of the killed run").isEmpty();
    }

    @Test
    void mountOfAClosedPort_isAHarnessFailure_notAGuestResult() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        client = KernelClient.auto(repo.itModule(), work);
        GuestResult r = client.run(NfsTarget.loopback(closed, "/"), GuestRun.of(GuestScript.inline("never", "exit 0"))
                .timeout(Duration.ofSeconds(120)));
        assertThat(r.harnessFailed()).as(r.describe()).isTrue();
        assertThat(r.console()).contains("@@VMC ERROR mount failed");
    }

    @Test
    void mountstatsPrintedByTheGuest_areParsed() {
        client = KernelClient.auto(repo.itModule(), work);
        GuestResult r = client.run(NOWHERE, GuestRun.of(GuestScript.inline("stats",
                "echo '@@IT MOUNTSTATS BEGIN'; cat /files/ganesha-4.3-uml-6.1.txt; echo '@@IT MOUNTSTATS END'; it_ok printed"))
                .file(repo.itModule().resolve("src/test/resources/mountstats/ganesha-4.3-uml-6.1.txt")).noMount()
                .timeout(Duration.ofSeconds(120)));
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        MountStats.Mount m = r.mountStats().flatMap(s -> s.at("/mnt/nfs")).orElseThrow();
        assertThat(m.ops("LAYOUTGET")).isEqualTo(0);
        assertThat(m.ops("WRITE")).isEqualTo(1);
    }
}
