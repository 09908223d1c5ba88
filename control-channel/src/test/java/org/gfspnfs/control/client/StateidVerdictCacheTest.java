package org.gfspnfs.control.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateAccess;
import org.gfspnfs.control.api.StateidQuery;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.server.ControlServer;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.testkit.FakeCluster;
import org.gfspnfs.control.testkit.FakeNode;
import org.gfspnfs.control.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DS validates stateids with the MDS over the control channel through its cache; the MDS revokes state on the DS
 * over the control channel too.
 */
class StateidVerdictCacheTest {
    private static final StateidQuery WRITE_OPEN =
            new StateidQuery(FakeNode.OPEN_STATEID, FakeNode.FILE_HANDLE, StateAccess.WRITE);

    private final ClusterKey key = ClusterKey.of(new SecureRandom().generateSeed(32));
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T12:00:00Z"));
    private FakeNode mdsState;
    private ControlServer mds;
    private ControlServer ds;
    private ControlClient dsToMds;
    private StateidVerdictCache cache;

    @BeforeEach
    void start() throws IOException {
        FakeCluster cluster = new FakeCluster(Clock.systemUTC(), List.of("node1", "node2", "node3"));
        mdsState = new FakeNode(cluster, "node1", true);
        mds = server("node1", mdsState.providers());
        dsToMds = new ControlClient(new NodeEndpoint("node1", mds.address()), key, "node2", Duration.ofSeconds(5),
                Clock.systemUTC());
        cache = new StateidVerdictCache(dsToMds::validateStateid, clock, 1000);
        ds = server("node2", ControlProviders.builder().revocations(cache).build());
    }

    @AfterEach
    void stop() throws IOException {
        dsToMds.close();
        ds.close();
        mds.close();
    }

    @Test
    void validStateid_answeredOnceByMds_thenFromCacheUntilTtl() throws Exception {
        StateidVerdict first = cache.validate(WRITE_OPEN);
        int mdsCalls = mdsState.providerCalls();
        StateidVerdict second = cache.validate(WRITE_OPEN);

        assertThat(first.verdict()).isEqualTo(StateidVerdict.Verdict.VALID);
        assertThat(first.clientId()).isEqualTo(FakeNode.CLIENT_ID);
        assertThat(second).isEqualTo(first);
        assertThat(mdsState.providerCalls()).isEqualTo(mdsCalls);

        clock.advance(Duration.ofSeconds(31));
        cache.validate(WRITE_OPEN);
        assertThat(mdsState.providerCalls()).isEqualTo(mdsCalls + 1);
    }

    @Test
    void clear_dropsEveryAnswer_soTheNextIoAsksTheMdsAgain() throws Exception {
        cache.validate(WRITE_OPEN);
        int mdsCalls = mdsState.providerCalls();
        assertThat(cache.size()).isEqualTo(1);

        assertThat(cache.clear()).as("the MDS node left: its leases are worth nothing").isEqualTo(1);
        assertThat(cache.size()).isZero();
        cache.validate(WRITE_OPEN);
        assertThat(mdsState.providerCalls()).isEqualTo(mdsCalls + 1);
    }

    @Test
    void unknownStateid_badStateid_notCached() throws Exception {
        StateidQuery bogus = new StateidQuery(new byte[16], FakeNode.FILE_HANDLE, StateAccess.READ);

        assertThat(cache.validate(bogus).verdict()).isEqualTo(StateidVerdict.Verdict.BAD_STATEID);
        assertThat(cache.size()).isZero();
    }

    @Test
    void mdsRevokesClientOverControlChannel_dsDropsAnswer_nextCheckSeesEviction() throws Exception {
        cache.validate(WRITE_OPEN);
        mdsState.evictClient(FakeNode.CLIENT_ID);

        int dropped;
        try (ControlClient mdsToDs = new ControlClient(new NodeEndpoint("node2", ds.address()), key, "node1",
                Duration.ofSeconds(5), Clock.systemUTC())) {
            dropped = mdsToDs.revoke(Revocation.client(FakeNode.CLIENT_ID));
        }

        assertThat(dropped).isEqualTo(1);
        assertThat(cache.validate(WRITE_OPEN).verdict()).isEqualTo(StateidVerdict.Verdict.BAD_STATEID);
    }

    @Test
    void revocationOfOtherStateid_keepsAnswer_ofThisStateid_dropsIt() throws Exception {
        cache.validate(WRITE_OPEN);

        assertThat(cache.revoked(Revocation.stateids(List.of(new byte[16])))).isZero();
        assertThat(cache.revoked(Revocation.file(new byte[] {1, 2}))).isZero();
        assertThat(cache.revoked(Revocation.stateids(List.of(FakeNode.OPEN_STATEID)))).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void wrongFile_answeredWrongFile() throws Exception {
        StateidQuery other = new StateidQuery(FakeNode.OPEN_STATEID, new byte[] {9}, StateAccess.READ);

        assertThat(cache.validate(other).verdict()).isEqualTo(StateidVerdict.Verdict.WRONG_FILE);
    }

    private ControlServer server(String name, ControlProviders providers) throws IOException {
        return ControlServer.builder().key(key).nodeName(name).address(new InetSocketAddress("127.0.0.1", 0))
                .providers(providers).build().start();
    }
}
