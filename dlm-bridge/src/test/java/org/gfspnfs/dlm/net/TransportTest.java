package org.gfspnfs.dlm.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.RecoveryDone;
import org.gfspnfs.membership.api.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportTest {
    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    private final List<Message> at1 = new CopyOnWriteArrayList<>();
    private final List<Message> at2 = new CopyOnWriteArrayList<>();
    private Transport t1;
    private Transport t2;
    private Member m1;
    private Member m2;

    private void startPair() throws InterruptedException {
        t1 = new Transport(1, 11, (src, epoch, m) -> at1.add(m), 1, Duration.ofMillis(50));
        t2 = new Transport(2, 22, (src, epoch, m) -> at2.add(m), 1, Duration.ofMillis(50));
        m1 = new Member(1, "n1", 11, t1.bind(ANY));
        m2 = new Member(2, "n2", 22, t2.bind(ANY));
        t1.updatePeers(List.of(m1, m2));
        t2.updatePeers(List.of(m1, m2));
    }

    @AfterEach
    void stop() {
        if (t1 != null) {
            t1.close();
        }
        if (t2 != null) {
            t2.close();
        }
    }

    @Test
    void messagesArriveInOrder_bothWays_overOneConnection() throws Exception {
        startPair();
        for (int i = 0; i < 1000; i++) {
            t1.send(2, new RecoveryDone(i, 1, 1), 0);
            t2.send(1, new RecoveryDone(i, 2, 2), 0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> at1.size() == 1000 && at2.size() == 1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(((RecoveryDone) at2.get(i)).epoch()).isEqualTo(i);
            assertThat(((RecoveryDone) at1.get(i)).epoch()).isEqualTo(i);
        }
    }

    @Test
    void floodBeyondTheWriteBufferWaterMark_isQueuedAndDeliveredInOrder() throws Exception {
        startPair();
        List<org.gfspnfs.dlm.api.ResourceName> names = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            names.add(org.gfspnfs.dlm.api.ResourceName.of("resource-name-padding-to-sixty-four-bytes-" + (10000 + i)));
        }
        int n = 300;   // ~60 KiB each: far past the 1 MiB high water mark
        for (int i = 0; i < n; i++) {
            t1.send(2, new org.gfspnfs.dlm.net.msg.RecoveryDirectory(i, "ls", names), 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> at2.size() == n);
        for (int i = 0; i < n; i++) {
            assertThat(((org.gfspnfs.dlm.net.msg.RecoveryDirectory) at2.get(i)).epoch()).isEqualTo(i);
        }
    }

    @Test
    void resetConnection_losesNothing_andDuplicatesNothing() throws Exception {
        startPair();
        for (int i = 0; i < 3000; i++) {
            t1.send(2, new RecoveryDone(i, 1, 1), 0);
            if (i % 500 == 0) {
                t1.resetConnection(2);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> at2.size() >= 3000);
        assertThat(at2).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(((RecoveryDone) at2.get(i)).epoch()).isEqualTo(i);
        }
    }

    @Test
    void garbageOnTheListeningPort_resetsThatConnection_andTheNodeCarriesOn() throws Exception {
        startPair();
        try (Socket s = new Socket()) {
            s.connect(m2.dlmAddress());
            OutputStream out = s.getOutputStream();
            out.write(new byte[]{0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8});
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> t2.connectionResets() >= 1);
        }
        t1.send(2, new RecoveryDone(7, 1, 1), 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> at2.size() == 1);
    }

    @Test
    void helloFromAPreviousIncarnation_isRejected() throws Exception {
        startPair();
        Transport stale = new Transport(1, 10, (src, epoch, m) -> { }, 1, Duration.ofMillis(50));
        try {
            stale.bind(ANY);
            stale.updatePeers(List.of(new Member(1, "n1", 10, ANY), m2));
            stale.send(2, new RecoveryDone(99, 9, 9), 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> t2.connectionResets() >= 1);
            t1.send(2, new RecoveryDone(1, 1, 1), 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> at2.size() == 1);
            assertThat(((RecoveryDone) at2.get(0)).epoch()).isEqualTo(1);
        } finally {
            stale.close();
        }
    }
}
