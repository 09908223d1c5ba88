package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.body;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.nfs41.callback.CallbackFailedException;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.RecordingCallbacks;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.session.NfsClient;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.ArgOp4;
import org.gfspnfs.nfs41.xdr.BindConnToSession4Args;
import org.gfspnfs.nfs41.xdr.CbCompoundArgs4;
import org.gfspnfs.nfs41.xdr.CbOp;
import org.gfspnfs.nfs41.xdr.CbRecall4Args;
import org.gfspnfs.nfs41.xdr.CbSequence4Args;
import org.gfspnfs.nfs41.xdr.Op;
import org.gfspnfs.nfs41.xdr.Sequence4Res;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callbacks over the client's own connection (RFC 8881 section 2.10.3.1): CB_SEQUENCE + CB_RECALL. */
class BackchannelTest {
    private TestServer server;
    private RecordingCallbacks callbacks;
    private Nfs41TestClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        callbacks = new RecordingCallbacks();
        client = Nfs41TestClient.connect(server.address(), "cb-client", 0, 0, callbacks).mount();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private NfsClient engineClient() throws Exception {
        return server.server().services().clients().get(client.clientId());
    }

    @Test
    void recall_reachesClientOverForeConnection_withSequencedCbSequence() throws Exception {
        CbRecall4Args recall = new CbRecall4Args(new Stateid4(1, new byte[12]), false, new byte[] {1, 2, 3});
        var callbackService = server.server().services().callbacks();
        callbackService.send(engineClient(), CbOp.CB_RECALL, recall).get(10, TimeUnit.SECONDS);
        callbackService.send(engineClient(), CbOp.CB_RECALL, recall).get(10, TimeUnit.SECONDS);

        assertThat(callbacks.received()).hasSize(2);
        CbCompoundArgs4 first = callbacks.received().get(0);
        assertThat(first.ops.get(0).opnum).isEqualTo(CbOp.CB_SEQUENCE);
        assertThat(first.ops.get(1).opnum).isEqualTo(CbOp.CB_RECALL);
        CbSequence4Args s1 = (CbSequence4Args) first.ops.get(0).args;
        CbSequence4Args s2 = (CbSequence4Args) callbacks.received().get(1).ops.get(0).args;
        assertThat(s1.sessionId).isEqualTo(client.sessionId());
        assertThat(s2.sequenceId).isEqualTo(s1.sequenceId + 1);
        assertThat(((CbRecall4Args) first.ops.get(1).args).fh).containsExactly(1, 2, 3);
    }

    @Test
    void reconnectedClient_isToldThePathIsDown_andBindConnToSessionRestoresCallbacks() throws Exception {
        client.reconnect();
        // The server learns that the old connection (its backchannel) is gone when its transport sees the close,
        // which may come just after the first request on the new connection: ask until it is reported.
        Sequence4Res seq = body(expectOk(client.session(Ops.putRootFh())), Op.SEQUENCE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((seq.statusFlags & 0x1) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seq = body(expectOk(client.session(Ops.putRootFh())), Op.SEQUENCE);
        }
        assertThat(seq.statusFlags & 0x1).as("SEQ4_STATUS_CB_PATH_DOWN").isNotZero();
        expectOk(client.compound(new ArgOp4(
                Op.BIND_CONN_TO_SESSION,
                new BindConnToSession4Args(client.sessionId(), 7, false))));
        seq = body(expectOk(client.session(Ops.putRootFh())),
                Op.SEQUENCE);
        assertThat(seq.statusFlags).isZero();
        CbRecall4Args recall = new CbRecall4Args(new Stateid4(1, new byte[12]), false, new byte[] {4});
        server.server().services().callbacks().send(engineClient(), CbOp.CB_RECALL, recall).get(10, TimeUnit.SECONDS);
        assertThat(callbacks.received()).hasSize(1);
    }

    @Test
    void clientRefusingCallback_failsTheCallWithItsStatus() throws Exception {
        callbacks.answerWith(NfsStat.NFS4ERR_BADHANDLE);
        CbRecall4Args recall = new CbRecall4Args(new Stateid4(1, new byte[12]), false, new byte[] {1});
        var f = server.server().services().callbacks().send(engineClient(), CbOp.CB_RECALL, recall);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CallbackFailedException.class);
    }
}
