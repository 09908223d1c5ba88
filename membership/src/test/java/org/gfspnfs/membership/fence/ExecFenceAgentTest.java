package org.gfspnfs.membership.fence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.FenceDevice;
import org.gfspnfs.membership.testing.TestConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecFenceAgentTest {
    @TempDir
    Path dir;

    private Path agent(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private FenceRequest request(Path agent, Map<String, String> nodeAttributes) {
        ClusterConf conf = TestConf.in(dir).fencing("<fencedevice name=\"pdu\" agent=\"" + agent
                + "\" ipaddr=\"10.9.9.9\" login=\"admin\"/>", id -> "").nodes(3).write("c.conf");
        FenceDevice pdu = conf.fenceDevice("pdu").orElseThrow();
        Map<String, String> args = new java.util.LinkedHashMap<>(conf.fenceArguments(conf.nodeById(2).orElseThrow(),
                new org.gfspnfs.conf.FenceDeviceRef("pdu", nodeAttributes)));
        return new FenceRequest(conf.nodeById(2).orElseThrow(), 42, "power", pdu, args);
    }

    @Test
    void agentExitingZero_confirmsFencing_andReceivesFenceAgentStdin() throws Exception {
        Path seen = dir.resolve("stdin.txt");
        Path agent = agent("fence_ok", "cat > " + seen + "\nexit 0");

        FenceOutcome outcome = new ExecFenceAgent(Duration.ofSeconds(5), dir).fence(request(agent,
                Map.of("port", "7")));

        assertThat(outcome.success()).isTrue();
        assertThat(Files.readAllLines(seen)).contains("action=off", "port=7", "plug=7", "nodename=node2",
                "ipaddr=10.9.9.9", "login=admin").noneMatch(l -> l.startsWith("agent="));
    }

    @Test
    void agentExitingNonZero_failsWithItsStatusAndOutput() throws Exception {
        Path agent = agent("fence_bad", "cat >/dev/null\necho 'Unable to connect to PDU' >&2\nexit 1");

        FenceOutcome outcome = new ExecFenceAgent(Duration.ofSeconds(5), dir).fence(request(agent, Map.of()));

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.detail()).contains("exit status 1").contains("Unable to connect to PDU");
    }

    @Test
    void hungAgent_isKilledAtTheFenceTimeout_andFails() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path agent = agent("fence_hang", "sleep 600 &\necho $! > " + pidFile + "\nwait");

        long start = System.nanoTime();
        FenceOutcome outcome = new ExecFenceAgent(Duration.ofMillis(700), dir).fence(request(agent, Map.of()));

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.detail()).contains("hung").contains("700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        org.awaitility.Awaitility.await("the agent's own child is killed too").atMost(Duration.ofSeconds(5))
                .until(() -> !running(child));
    }

    /** Alive and not a zombie waiting for a reaper. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void rebootAction_isPassed_butStatusIsNotAFencingAction() throws Exception {
        Path seen = dir.resolve("stdin.txt");
        Path agent = agent("fence_ok", "cat > " + seen + "\nexit 0");
        ExecFenceAgent exec = new ExecFenceAgent(Duration.ofSeconds(5), dir);

        assertThat(exec.fence(request(agent, Map.of("action", "reboot"))).success()).isTrue();
        assertThat(Files.readAllLines(seen)).contains("action=reboot");
        assertThat(exec.fence(request(agent, Map.of("action", "status"))).success()).isFalse();
    }

    @Test
    void statusAction_reportsOffOnlyForExitTwo() throws Exception {
        ExecFenceAgent exec = new ExecFenceAgent(Duration.ofSeconds(5), dir);
        assertThat(exec.status(request(agent("st_off", "cat >/dev/null; exit 2"), Map.of())).success()).isTrue();
        assertThat(exec.status(request(agent("st_on", "cat >/dev/null; exit 0"), Map.of())).detail())
                .contains("status: on");
    }

    @Test
    void missingAgent_failsSayingItCannotStart() throws Exception {
        FenceOutcome outcome = new ExecFenceAgent(Duration.ofSeconds(5), dir)
                .fence(request(dir.resolve("fence_nowhere"), Map.of()));
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.detail()).contains("cannot be started");
    }
}
