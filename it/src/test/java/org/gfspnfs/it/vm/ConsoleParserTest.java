package org.gfspnfs.it.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleParserTest {

    private static GuestResult result(int rc, String console) {
        return new GuestResult(VmKind.UML, "t.sh", rc, console, Duration.ofSeconds(1), Path.of("console.log"));
    }

    @Test
    void failuresAndChecks_areFoundEvenAfterOtherOutputOnTheLine() {
        GuestResult r = result(1, """
                @@VMC MOUNTED uptime=0.5 x
                @@IT OK first
                partial line without newline@@IT FAIL size of big: expected [1], got [2]
                @@VMC EXIT rc=1 uptime=1.0
                """);
        assertThat(r.passedChecks()).containsExactly("first");
        assertThat(r.failures()).containsExactly("size of big: expected [1], got [2]");
        assertThat(r.succeeded()).isFalse();
        assertThat(r.describe()).contains("exit 1").contains("size of big");
    }

    @Test
    void keyValuesAndStepTimes_readBackInOrder() {
        GuestResult r = result(0, """
                @@IT KV big 20971520:d237412cd386efb717cef5fdae48a50f
                @@IT KV dir-count 50
                @@IT TIME write 0.19
                @@IT TIME create10000 22.33
                """);
        assertThat(r.values()).containsExactly(
                Map.entry("big", "20971520:d237412cd386efb717cef5fdae48a50f"),
                Map.entry("dir-count", "50"));
        assertThat(r.stepTimes().get("write")).isEqualTo(Duration.ofMillis(190));
        assertThat(r.stepTimes().get("create10000")).isEqualTo(Duration.ofMillis(22330));
    }

    @Test
    void mountstats_theLastCompleteBlockWins_anUnterminatedOneIsIgnored() {
        String block1 = "device a:/ mounted on /mnt/nfs with fstype nfs4 statvers=1.1\n\tper-op statistics\n"
                + "\t   LAYOUTGET: 1 1 0 0 0 0 0 0 0\n";
        String block2 = block1.replace("LAYOUTGET: 1", "LAYOUTGET: 5");
        GuestResult r = result(0, "@@IT MOUNTSTATS BEGIN\n" + block1 + "@@IT MOUNTSTATS END\n"
                + "@@IT MOUNTSTATS BEGIN\n" + block2 + "@@IT MOUNTSTATS END\n");
        assertThat(r.mountStats().orElseThrow().at("/mnt/nfs").orElseThrow().ops("LAYOUTGET")).isEqualTo(5);
        assertThat(result(0, "@@IT MOUNTSTATS BEGIN\n" + block1).mountStats()).isEmpty();
        assertThat(result(0, "nothing").mountStats()).isEmpty();
    }

    @Test
    void exitCodes_124And125_areTimeoutAndHarnessFailure() {
        assertThat(result(124, "").timedOut()).isTrue();
        assertThat(result(125, "").harnessFailed()).isTrue();
        assertThat(result(0, "").timedOut()).isFalse();
    }
}
