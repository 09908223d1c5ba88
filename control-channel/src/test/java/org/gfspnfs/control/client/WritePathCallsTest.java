package org.gfspnfs.control.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.gfspnfs.control.api.AllocationRequest;
import org.gfspnfs.control.api.CommandRefusedException;
import org.gfspnfs.control.api.ExtentKind;
import org.gfspnfs.control.api.FileRange;
import org.gfspnfs.control.api.FileRef;
import org.gfspnfs.control.api.InvalidRequestException;
import org.gfspnfs.control.api.MappedExtent;
import org.gfspnfs.control.api.NoSuchEntityException;
import org.gfspnfs.control.api.NotServedException;
import org.gfspnfs.control.api.WrittenQuery;
import org.gfspnfs.control.api.WrittenReport;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.server.ControlServer;
import org.gfspnfs.control.testkit.FakeCluster;
import org.gfspnfs.control.testkit.FakeNode;
import org.gfspnfs.control.testkit.FakeWritePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A data server's write-path calls to the MDS over a real, authenticated control channel, and their errors. */
class WritePathCallsTest {
    private final ClusterKey key = ClusterKey.of(new SecureRandom().generateSeed(32));
    private ControlServer mds;
    private ControlServer plainNode;
    private ControlClient toMds;
    private ControlClient toPlainNode;

    @BeforeEach
    void start() throws IOException {
        FakeCluster cluster = new FakeCluster(Clock.systemUTC(), List.of("node1", "node2"));
        mds = server("node1", new FakeNode(cluster, "node1", true));
        plainNode = server("node2", new FakeNode(cluster, "node2", false));
        toMds = client("node1", mds);
        toPlainNode = client("node2", plainNode);
    }

    @AfterEach
    void stop() throws IOException {
        toMds.close();
        toPlainNode.close();
        mds.close();
        plainNode.close();
    }

    @Test
    void allocate_thenReportInOneBatch_thenAskWhatWasWritten() throws Exception {
        List<MappedExtent> map = toMds.allocateUnwritten(new AllocationRequest(FakeWritePath.FILE, 8192, 4096));
        int recorded = toMds.reportWritten(List.of(new WrittenReport(FakeWritePath.FILE,
                List.of(new FileRange(0, 4096), new FileRange(8192, 12288)))));

        assertThat(map).containsExactly(new MappedExtent(8192, 4096, (1 << 20) + 8192, ExtentKind.UNWRITTEN));
        assertThat(recorded).isEqualTo(2);
        assertThat(toMds.writtenWithin(new WrittenQuery(FakeWritePath.FILE, 2048, 10000)))
                .containsExactly(new FileRange(2048, 4096), new FileRange(8192, 10000));
    }

    @Test
    void mdsErrors_reachTheDataServerAsTypedExceptions() {
        FileRef gone = new FileRef(99, 1);

        assertThatThrownBy(() -> toMds.allocateUnwritten(new AllocationRequest(gone, 0, 4096)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> toMds.allocateUnwritten(
                new AllocationRequest(FakeWritePath.FILE, FakeWritePath.SPACE, 4096)))
                .isInstanceOf(CommandRefusedException.class).hasMessageContaining("no space");
        assertThatThrownBy(() -> toMds.allocateUnwritten(new AllocationRequest(FakeWritePath.FILE, -4096, 4096)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> toMds.writtenWithin(new WrittenQuery(FakeWritePath.FILE, 10, 10)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> toPlainNode.reportWritten(List.of()))
                .as("a node that is not the MDS").isInstanceOf(NotServedException.class);
    }

    @Test
    void mdsGone_isANodeCallFailure_notAnAnswer() throws Exception {
        mds.close();

        assertThatThrownBy(() -> toMds.allocateUnwritten(new AllocationRequest(FakeWritePath.FILE, 0, 4096)))
                .isInstanceOfSatisfying(NodeCallException.class,
                        e -> assertThat(e.kind()).isIn(NodeCallException.Kind.UNREACHABLE,
                                NodeCallException.Kind.TIMEOUT));
    }

    private ControlServer server(String name, FakeNode node) throws IOException {
        return ControlServer.builder().key(key).nodeName(name).address(new InetSocketAddress("127.0.0.1", 0))
                .providers(node.providers()).build().start();
    }

    private ControlClient client(String name, ControlServer server) {
        return new ControlClient(new NodeEndpoint(name, server.address()), key, "ds", Duration.ofSeconds(5),
                Clock.systemUTC());
    }
}
