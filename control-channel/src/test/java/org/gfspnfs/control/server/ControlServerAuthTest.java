package org.gfspnfs.control.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.dcache.oncrpc4j.rpc.RpcAccepsStatus;
import org.dcache.oncrpc4j.rpc.RpcAuthStat;
import org.dcache.oncrpc4j.rpc.RpcRejectStatus;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.client.ControlClient;
import org.gfspnfs.control.client.NodeCallException;
import org.gfspnfs.control.client.NodeEndpoint;
import org.gfspnfs.control.testkit.FakeCluster;
import org.gfspnfs.control.testkit.FakeNode;
import org.gfspnfs.control.testkit.RawRpc;
import org.gfspnfs.control.testkit.RawRpc.Reply;
import org.gfspnfs.control.xdr.ControlProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way of calling without the right key is refused at the RPC level, before any procedure runs. */
class ControlServerAuthTest {
    private final ClusterKey key = randomKey();
    private FakeNode node;
    private ControlServer server;

    @BeforeEach
    void start() throws IOException {
        FakeCluster cluster = new FakeCluster(Clock.systemUTC(), java.util.List.of("node1", "node2", "node3"))
                .lockspace("fs1");
        node = new FakeNode(cluster, "node1", true);
        server = ControlServer.builder().key(key).nodeName("auth").idleTimeout(Duration.ofSeconds(1))
                .address(new InetSocketAddress("127.0.0.1", 0)).providers(node.providers()).build().start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void callWithoutKey_deniedTooWeak_andNoProcedureRuns() throws IOException {
        Reply reply = roundTrip(RawRpc.call(7, ControlProgram.PROGRAM, 1, 1, RawRpc.authNone(), new byte[0]));

        assertDenied(reply, RpcAuthStat.AUTH_TOOWEAK);
        assertThat(reply.xid()).isEqualTo(7);
        assertThat(node.providerCalls()).isZero();
    }

    @Test
    void authSysCredential_deniedTooWeak() throws IOException {
        assertDenied(roundTrip(RawRpc.call(8, ControlProgram.PROGRAM, 1, 1, RawRpc.authSys(), new byte[0])),
                RpcAuthStat.AUTH_TOOWEAK);
    }

    @Test
    void wrongKey_deniedBadVerifier_andNoProcedureRuns() throws IOException {
        byte[] call = RawRpc.signedCall(randomKey(), Clock.systemUTC(), 9, 1, new byte[0]);

        assertDenied(roundTrip(call), RpcAuthStat.AUTH_BADVERF);
        assertThat(node.providerCalls()).isZero();
    }

    @Test
    void argumentsAlteredAfterSigning_deniedBadVerifier() throws IOException {
        byte[] call = RawRpc.signedCall(key, Clock.systemUTC(), 10, ControlProgram.LOCKS.number(),
                RawRpc.xdrString("fs1"));
        call[call.length - 4] = 'x'; // "fs1" -> "xs1"

        assertDenied(roundTrip(call), RpcAuthStat.AUTH_BADVERF);
    }

    @Test
    void procedureChangedAfterSigning_deniedBadVerifier() throws IOException {
        byte[] call = RawRpc.signedCall(key, Clock.systemUTC(), 11, ControlProgram.STATUS.number(), new byte[0]);
        call[23] = (byte) ControlProgram.FENCE_ACK.number();

        assertDenied(roundTrip(call), RpcAuthStat.AUTH_BADVERF);
    }

    @Test
    void replayedCall_deniedRejectedVerifier() throws IOException {
        byte[] call = RawRpc.signedCall(key, Clock.systemUTC(), 12, 1, new byte[0]);

        try (RawRpc rpc = new RawRpc(server.address())) {
            rpc.send(call);
            assertThat(rpc.read().accepted()).isTrue();
            rpc.send(call);
            assertDenied(rpc.read(), RpcAuthStat.AUTH_REJECTEDVERF);
        }
        assertThat(node.providerCalls()).isEqualTo(1);
    }

    @Test
    void timestampOutsideWindow_deniedRejectedVerifier() throws IOException {
        Clock twoMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));

        assertDenied(roundTrip(RawRpc.signedCall(key, twoMinutesAgo, 13, 1, new byte[0])),
                RpcAuthStat.AUTH_REJECTEDVERF);
    }

    @Test
    void oversizedCredential_deniedBadCredential_beforeAnyAllocation() throws IOException {
        byte[] cred = new byte[16];
        cred[4] = 0x7f; // AUTH_NONE with a body length of 0x7f000000
        assertDenied(roundTrip(RawRpc.call(14, ControlProgram.PROGRAM, 1, 1, cred, new byte[0])),
                RpcAuthStat.AUTH_BADCRED);
    }

    @Test
    void unknownProcedure_withoutKey_deniedLikeAnyOtherCall() throws IOException {
        assertDenied(roundTrip(RawRpc.call(15, ControlProgram.PROGRAM, 1, 99, RawRpc.authNone(), new byte[0])),
                RpcAuthStat.AUTH_TOOWEAK);
        assertDenied(roundTrip(RawRpc.signedCall(randomKey(), Clock.systemUTC(), 16, 99, new byte[0])),
                RpcAuthStat.AUTH_BADVERF);
    }

    @Test
    void unknownProcedure_withKey_procUnavail() throws IOException {
        Reply reply = roundTrip(RawRpc.signedCall(key, Clock.systemUTC(), 17, 99, new byte[0]));

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.acceptStat()).isEqualTo(RpcAccepsStatus.PROC_UNAVAIL);
    }

    @Test
    void malformedArguments_withKey_garbageArgs_andConnectionKeepsServing() throws IOException {
        byte[] tooLongName = RawRpc.xdrString("x".repeat(300));
        byte[] trailing = Arrays.copyOf(RawRpc.xdrString("fs1"), 12);
        byte[] truncated = new byte[] {0, 0, 0, 8, 'f', 's'};
        try (RawRpc rpc = new RawRpc(server.address())) {
            for (byte[] args : new byte[][] {tooLongName, trailing, Arrays.copyOf(truncated, 8)}) {
                rpc.send(RawRpc.signedCall(key, Clock.systemUTC(), 18, ControlProgram.LOCKS.number(), args));
                assertThat(rpc.read().acceptStat()).isEqualTo(RpcAccepsStatus.GARBAGE_ARGS);
            }
            rpc.send(RawRpc.signedCall(key, Clock.systemUTC(), 19, ControlProgram.LOCKS.number(),
                    RawRpc.xdrString("fs1")));
            assertThat(rpc.read().acceptStat()).isEqualTo(RpcAccepsStatus.SUCCESS);
        }
        assertThat(server.counters().garbageCalls()).isEqualTo(3);
    }

    @Test
    void wrongProgramVersion_progMismatchOrUnavail_notServed() throws IOException {
        Reply reply = roundTrip(RawRpc.call(20, ControlProgram.PROGRAM, 7, 1, RawRpc.authNone(), new byte[0]));

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.acceptStat()).isIn(RpcAccepsStatus.PROG_UNAVAIL, RpcAccepsStatus.PROG_MISMATCH);
        assertThat(node.providerCalls()).isZero();
    }

    @Test
    void peerStopsMidCall_otherCallersServed_andIdleConnectionClosed() throws Exception {
        byte[] call = RawRpc.signedCall(key, Clock.systemUTC(), 21, 1, new byte[0]);
        try (RawRpc stuck = new RawRpc(server.address())) {
            stuck.sendMarked(0x80000000 | call.length, Arrays.copyOf(call, call.length / 2));
            stuck.flush();

            ControlClient client = new ControlClient(new NodeEndpoint("node1", server.address()), key, "test",
                    Duration.ofSeconds(5), Clock.systemUTC());
            try (client) {
                assertThat(client.status().nodeName()).isEqualTo("node1");
            }
            await().atMost(Duration.ofSeconds(10)).until(stuck::closedByServer);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }

    @Test
    void clientWithWrongKey_getsAuthRefused() {
        ControlClient client = new ControlClient(new NodeEndpoint("node1", server.address()), randomKey(), "test",
                Duration.ofSeconds(5), Clock.systemUTC());
        try (client) {
            assertThatThrownBy(client::status).isInstanceOf(NodeCallException.class)
                    .extracting(e -> ((NodeCallException) e).kind())
                    .isEqualTo(NodeCallException.Kind.AUTH_REFUSED);
        }
    }

    private Reply roundTrip(byte[] call) throws IOException {
        try (RawRpc rpc = new RawRpc(server.address())) {
            rpc.send(call);
            return rpc.read();
        }
    }

    private static void assertDenied(Reply reply, int authStat) {
        assertThat(reply.accepted()).as("accepted").isFalse();
        assertThat(reply.rejectStat()).isEqualTo(RpcRejectStatus.AUTH_ERROR);
        assertThat(reply.authStat()).as("auth_stat").isEqualTo(authStat);
    }

    private static ClusterKey randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return ClusterKey.of(k);
    }
}
