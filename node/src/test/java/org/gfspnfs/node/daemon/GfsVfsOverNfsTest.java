package org.gfspnfs.node.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.Role;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.xdr.Read4Res;
import org.gfspnfs.nfs41.xdr.Write4Res;
import org.gfspnfs.node.testing.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gfs-layout filesystem SPI behind the real NFSv4.1 engine, driven over TCP through a running daemon. */
class GfsVfsOverNfsTest {
    private static final int UNSTABLE = 0;
    private static final int FILE_SYNC = 2;

    @TempDir
    Path dir;
    private DaemonOptions options;
    private InetSocketAddress server;

    @BeforeEach
    void cluster() throws IOException {
        int port = FreePorts.one();
        Path img = OneNodeCluster.image(dir);
        ClusterConf conf = OneNodeCluster.conf(img, OneNodeCluster.node("n1", 1, port, Role.MDS, Role.DS));
        options = DaemonOptions.of(conf, "n1", dir.resolve("exports"), dir.resolve("state"));
        server = new InetSocketAddress("127.0.0.1", port);
    }

    private static byte[] pattern(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    @Test
    void aCachedReadReply_replayedAfterOtherReads_stillCarriesItsOwnBytes() throws Exception {
        // READ replies travel in pooled buffers that go back once written; a reply the session caches must not.
        byte[] a = pattern(256 * 1024, 3);
        byte[] b = pattern(256 * 1024, 4);
        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient c = MiniNfsClient.connect(server)) {
            c.mount("cached-read", 1 << 20);
            MiniNfsClient.Opened fa = c.createInRoot("a");
            MiniNfsClient.Opened fb = c.createInRoot("b");
            c.write(fa, 0, FILE_SYNC, a);
            c.write(fb, 0, FILE_SYNC, b);

            Read4Res[] answers = c.readCachedThenReplay(fa.fh(), 0, a.length, () -> {
                for (int i = 0; i < 8; i++) {
                    assertThat(c.read(fb.fh(), 0, b.length).data).isEqualTo(b);
                }
            });

            assertThat(answers[0].data).isEqualTo(a);
            assertThat(answers[1].data).as("the replayed reply").isEqualTo(a);
            c.close(fa);
            c.close(fb);
        }
    }

    @Test
    void unstableWritesThenCommit_readBack_andSurviveRestart_withANewWriteVerifier() throws Exception {
        byte[] a = pattern(200_000, 1);
        byte[] b = pattern(100_000, 2);
        MiniNfsClient.Opened f;
        byte[] verifierBefore;
        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient c = MiniNfsClient.connect(server)) {
            c.mount("vfs-over-nfs");
            f = c.createInRoot("data");
            Write4Res w1 = c.write(f, 0, UNSTABLE, a);
            Write4Res w2 = c.write(f, a.length, UNSTABLE, b);
            verifierBefore = c.commit(f.fh());
            Read4Res r = c.read(f.fh(), 0, a.length + b.length + 10);
            c.close(f);

            assertThat(w1.count).isEqualTo(a.length);
            assertThat(w1.verifier).isEqualTo(w2.verifier).isEqualTo(verifierBefore);
            assertThat(r.eof).isTrue();
            assertThat(Arrays.copyOfRange(r.data, 0, a.length)).isEqualTo(a);
            assertThat(Arrays.copyOfRange(r.data, a.length, r.data.length)).isEqualTo(b);
        }

        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient c = MiniNfsClient.connect(server)) {
            c.mount("vfs-over-nfs-2");
            Read4Res r = c.read(f.fh(), a.length, b.length);
            MiniNfsClient.Opened again = c.createInRoot("data");
            Write4Res w = c.write(again, 0, FILE_SYNC, new byte[] {42});

            assertThat(r.data).isEqualTo(b);
            assertThat(w.committed).isEqualTo(FILE_SYNC);
            assertThat(w.verifier).isNotEqualTo(verifierBefore);
            c.close(again);
        }
    }

    @Test
    void removedFile_givesStaleToAnOldHandle_overTheWire() throws Exception {
        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient c = MiniNfsClient.connect(server)) {
            c.mount("stale");
            MiniNfsClient.Opened f = c.createInRoot("gone");
            c.close(f);

            assertThat(c.removeInRoot("gone")).isEqualTo(NfsStat.NFS4_OK);
            assertThat(c.getattrStatus(f.fh())).isEqualTo(NfsStat.NFS4ERR_STALE);
            assertThat(c.removeInRoot("gone")).isEqualTo(NfsStat.NFS4ERR_NOENT);
        }
    }

    @Test
    void restart_remembersClients_soNewOpensWaitUntilTheKnownClientHasReclaimed() throws Exception {
        try (NodeDaemon d = NodeDaemon.start(options)) {
            MiniNfsClient crashed = MiniNfsClient.connect(server);
            crashed.mount("client-a");
            crashed.abandon();
        }

        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient b = MiniNfsClient.connect(server)) {
            b.mount("client-b");
            assertThat(b.openStatus("during-grace")).isEqualTo(NfsStat.NFS4ERR_GRACE);
            try (MiniNfsClient a = MiniNfsClient.connect(server)) {
                a.mount("client-a");
            }
            assertThat(b.openStatus("after-reclaim")).isEqualTo(NfsStat.NFS4_OK);
        }
    }

    @Test
    void openFile_removedByItsClient_staysReadableUntilClosed_thenIsStale() throws Exception {
        try (NodeDaemon d = NodeDaemon.start(options); MiniNfsClient c = MiniNfsClient.connect(server)) {
            c.mount("preserve-unlinked");
            MiniNfsClient.Opened f = c.createInRoot("scratch");
            c.write(f, 0, FILE_SYNC, pattern(5000, 3));

            assertThat(c.removeInRoot("scratch")).isEqualTo(NfsStat.NFS4_OK);
            assertThat(c.read(f.fh(), 0, 5000).data).isEqualTo(pattern(5000, 3));
            c.close(f);
            assertThat(c.getattrStatus(f.fh())).isEqualTo(NfsStat.NFS4ERR_STALE);
        }
    }
}
