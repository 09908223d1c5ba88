package org.gfspnfs.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadDumpsTest {

    private static final String DUMP = """
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            "nfs41-20491 (3)" #40 prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \t- parking to wait for  <0x0000000698cc2a78> (a java.util.concurrent.CompletableFuture$Signaller)
            \tat java.util.concurrent.CompletableFuture.get(java.base@17.0.15/CompletableFuture.java:2096)
            \tat org.gfspnfs.dlm.glock.DlmLockModule.acquire(DlmLockModule.java:120)
            \tat org.gfspnfs.ds.DsBlockStore.write(DsBlockStore.java:99)

            "pool-1-thread-2" #41 prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \t- parking to wait for  <0x0000000698cc2a00> (a java.util.concurrent.LinkedBlockingQueue$ConditionObject)
            \tat java.util.concurrent.ThreadPoolExecutor.getTask(java.base@17.0.15/ThreadPoolExecutor.java:1062)
            \tat java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@17.0.15/ThreadPoolExecutor.java:1122)
            \tat org.gfspnfs.node.NamedThreads.lambda$run$0(NamedThreads.java:20)

            "ds-write" #42 prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=0x2 waiting for monitor entry  [0x3]
               java.lang.Thread.State: BLOCKED (on object monitor)
            \tat org.gfspnfs.ds.DsBlockStore.write(DsBlockStore.java:95)
            \t- waiting to lock <0x0000000687702158> (a java.lang.Object)

            "hz.cached.thread-1" #43 prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=0x2 waiting on condition  [0x3]
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat com.hazelcast.internal.util.ThreadUtil.park(ThreadUtil.java:10)
            """;

    @Test
    void namesThreadsStuckInOurCode_blockedFirst_idleWorkersAndForeignThreadsLeftOut() {
        List<String> busy = ThreadDumps.busyThreads(DUMP);

        assertThat(busy).containsExactly(
                "ds-write BLOCKED at org.gfspnfs.ds.DsBlockStore.write(DsBlockStore.java:95)"
                        + " (waiting to lock <0x0000000687702158> (a java.lang.Object))",
                "nfs41-20491 (3) WAITING at org.gfspnfs.dlm.glock.DlmLockModule.acquire(DlmLockModule.java:120)"
                        + " (parking to wait for  <0x0000000698cc2a78>"
                        + " (a java.util.concurrent.CompletableFuture$Signaller))");
    }

    @Test
    void anEmptyOrForeignDump_namesNothing() {
        assertThat(ThreadDumps.busyThreads("")).isEmpty();
        assertThat(ThreadDumps.busyThreads("12345:\nCom.sun.tools.attach.AttachNotSupportedException: gone\n"))
                .isEmpty();
    }
}
