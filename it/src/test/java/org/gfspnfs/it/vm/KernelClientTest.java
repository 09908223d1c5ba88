package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelClientTest {

    @Test
    void destroyTree_killsTheHarnessAndTheChildrenItLeftBehind() throws Exception {
        // like a harness whose VM outlives the shell: SIGTERM ends the shell, the children would be orphaned
        Process harness = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600 & wait").start();
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.descendants().count() == 2);
        List<ProcessHandle> children = harness.descendants().toList();

        KernelClient.destroyTree(harness);

        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.isAlive()
                && children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(children).hasSize(2);
    }
}
