package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.transport.SlabPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TCP record marking (RFC 5531 section 11) as the server reads it, from a raw socket. */
class RecordMarkingTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aPeerAnnouncingAHugeRecord_isDisconnected_andOthersAreServedOn() throws Exception {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | 0x7ffffff0); // a last fragment of almost 2 GiB
            out.writeInt(42);
            out.flush();
            InputStream in = s.getInputStream();
            int r;
            try {
                r = in.read();
            } catch (SocketTimeoutException e) {
                r = -2;
            } catch (SocketException reset) {
                r = -1;
            }
            assertThat(r).as("the server closes the connection instead of waiting for 2 GiB").isEqualTo(-1);
        }
        SlabPool memory = server.server().requestMemory();
        // The slab the announcement was read into goes back once the server has processed the close.
        await().atMost(Duration.ofSeconds(10)).until(() -> memory.slabsFree() == memory.slabsMade());
        try (Nfs41TestClient c = Nfs41TestClient.connect(server.address(), "after").mount()) {
            assertThat(c.sessionId()).isNotNull();
        }
    }

    @Test
    void aRecordSentInSeveralFragments_isOneCall() throws Exception {
        try (Nfs41TestClient c = Nfs41TestClient.connect(server.address(), "whole").mount()) {
            assertThat(c.sessionId()).isNotNull();
        }
        // NULL procedure of program 100003 version 4, cut into three fragments.
        byte[] call = ByteBuffer.allocate(40).putInt(7).putInt(0).putInt(2).putInt(100003).putInt(4)
                .putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).array();
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            int[] cuts = {0, 5, 17, call.length};
            for (int i = 0; i + 1 < cuts.length; i++) {
                int len = cuts[i + 1] - cuts[i];
                out.writeInt(i + 2 == cuts.length ? 0x80000000 | len : len);
                out.write(call, cuts[i], len);
            }
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int mark = in.readInt();
            byte[] reply = new byte[mark & 0x7fffffff];
            in.readFully(reply);
            ByteBuffer b = ByteBuffer.wrap(reply);
            assertThat(b.getInt()).as("xid").isEqualTo(7);
            assertThat(b.getInt()).as("REPLY").isEqualTo(1);
            assertThat(b.getInt()).as("MSG_ACCEPTED").isZero();
            b.getInt();
            b.getInt(); // verifier AUTH_NONE, length 0
            assertThat(b.getInt()).as("SUCCESS").isZero();
        }
    }
}
