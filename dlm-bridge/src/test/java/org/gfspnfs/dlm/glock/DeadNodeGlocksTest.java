package org.gfspnfs.dlm.glock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

import org.gfspnfs.dlm.cluster.MiniCluster;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LockFlag;
import org.gfspnfs.gfs.lock.LockGrant;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockSession;
import org.gfspnfs.gfs.lock.LockType;
import org.junit.jupiter.api.Test;

/**
 * GFS2 lock_dlm dead-node semantics over the DLM: a node that dies holding exclusive glocks with committed but not
 * yet written-back transactions must not have those glocks used by anyone before its journal is replayed.
 */
class DeadNodeGlocksTest {
    private static final Duration T = Duration.ofSeconds(30);
    /** Nodes 1 and 2 mount journals 0 and 1; node 3 only runs the DLM (keeps quorum when one of them dies). */
    private static final IntUnaryOperator SLOT = n -> n <= 2 ? n - 1 : -1;

    @Test
    void nodeDiesHoldingInodeEx_survivorIsToldToRecover_andUsesItsGlocksOnlyAfterReplay_fsckClean() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 << 20);
        Mkfs.format(dev, new MkfsOptions(1024, 2, 512, 1024, "test:dead", "t", UUID.randomUUID()));
        List<String> events = new CopyOnWriteArrayList<>();
        try (MiniCluster cluster = new MiniCluster(3);
             DlmLockModule a = new DlmLockModule(cluster.node(1), cluster.memberView(1), SLOT);
             DlmLockModule b = new DlmLockModule(cluster.node(2), cluster.memberView(2), SLOT)) {
            FileSystem fa = FileSystems.mount(dev, MountOptions.of(0, new Recording(a, events, true)));
            FileSystem fb = FileSystems.mount(dev, MountOptions.of(1, b));
            InodeId dir = fb.mkdir(fb.root(), "dir", 0700, 0, 0).id();
            InodeId file = fb.create(dir, "file", 0600, 0, 0).id();
            fb.write(file, 0, ByteBuffer.wrap("acknowledged".getBytes(StandardCharsets.UTF_8)));
            fb.fsync(file);   // committed to B's journal; the in-place writes wait for a checkpoint that never comes

            cluster.kill(2);  // B's DLM node crashes with B's inode glocks in EX ...
            GfsMounter.crash(fb);   // ... and its mount stops writing
            await().atMost(T).until(() -> events.contains("recoveryNeeded:1"));
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> readFile(fa));
            // lost but not fenced: nothing of B's may be touched yet
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !read.isDone());

            cluster.fence(2);
            assertThat(read.get(T.toSeconds(), TimeUnit.SECONDS)).isEqualTo("acknowledged");
            // A replayed journal 1 itself (the glock layer does so on recoveryNeeded) before any grant that is not
            // the dead slot's journal lock reached A's glock layer
            int done = events.indexOf("recoveryDone:1");
            assertThat(done).isNotNegative();
            int firstGrant = -1;
            for (int i = events.indexOf("recoveryNeeded:1"); i < events.size(); i++) {
                if (events.get(i).startsWith("grant:") && !events.get(i).startsWith("grant:JOURNAL")) {
                    firstGrant = i;
                    break;
                }
            }
            assertThat(firstGrant).isGreaterThan(done);
            fa.close();
        }
        FsckReport report = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void survivorThatDoesNotReplay_waitsUntilAnotherNodeHasReplayed_andThenSeesTheData() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(8 << 20);
        Mkfs.format(dev, new MkfsOptions(1024, 3, 512, 1024, "test:dead3", "t", UUID.randomUUID()));
        IntUnaryOperator slot = n -> n <= 3 ? n - 1 : -1;
        List<String> eventsA = new CopyOnWriteArrayList<>();
        List<String> eventsB = new CopyOnWriteArrayList<>();
        try (MiniCluster cluster = new MiniCluster(4);
             DlmLockModule a = new DlmLockModule(cluster.node(1), cluster.memberView(1), slot);
             DlmLockModule b = new DlmLockModule(cluster.node(2), cluster.memberView(2), slot);
             DlmLockModule c = new DlmLockModule(cluster.node(3), cluster.memberView(3), slot)) {
            FileSystem fa = FileSystems.mount(dev, MountOptions.of(0, new Recording(a, eventsA, true)));
            // B's glock layer never hears of the death: it cannot replay, and must learn that A did
            FileSystem fb = FileSystems.mount(dev, MountOptions.of(1, new Recording(b, eventsB, false)));
            FileSystem fc = FileSystems.mount(dev, MountOptions.of(2, c));
            InodeId dir = fc.mkdir(fc.root(), "dir", 0700, 0, 0).id();
            InodeId file = fc.create(dir, "file", 0600, 0, 0).id();
            fc.write(file, 0, ByteBuffer.wrap("acknowledged".getBytes(StandardCharsets.UTF_8)));
            fc.fsync(file);

            cluster.kill(3);
            GfsMounter.crash(fc);
            await().atMost(T).until(() -> eventsB.contains("recoveryNeeded:2"));
            CompletableFuture<String> readB = CompletableFuture.supplyAsync(() -> readFile(fb));
            cluster.fence(3);
            assertThat(readB.get(T.toSeconds(), TimeUnit.SECONDS)).isEqualTo("acknowledged");
            assertThat(eventsA).contains("recoveryDone:2");
            assertThat(eventsB).doesNotContain("recoveryDone:2");
            assertThat(readFile(fa)).isEqualTo("acknowledged");
            fa.close();
            fb.close();
        }
        assertThat(Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE).errors()).isEmpty();
    }

    private static String readFile(FileSystem fs) {
        try {
            InodeId f = fs.lookup(fs.lookup(fs.root(), "dir"), "file");
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = fs.read(f, 0, buf);
            return new String(buf.array(), 0, n, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    /** Passes everything through to the DLM module and records what the glock layer saw, in order. */
    private record Recording(LockModule inner, List<String> events, boolean passRecoveryNeeded)
            implements LockModule {
        @Override
        public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
            LockSession s = inner.join(lockTable, nodeSlot, new BlockingCallback() {
                @Override
                public void blocking(LockName name, LockMode requested) {
                    callback.blocking(name, requested);
                }

                @Override
                public void recoveryNeeded(int slot) {
                    events.add("recoveryNeeded:" + slot);
                    if (passRecoveryNeeded) {
                        callback.recoveryNeeded(slot);
                    }
                }
            });
            return new LockSession() {
                @Override
                public CompletableFuture<LockGrant> request(LockName name, LockMode mode, Set<LockFlag> flags,
                                                            byte[] lvb) {
                    return s.request(name, mode, flags, lvb).thenApply(g -> {
                        if (mode != LockMode.UN) {
                            events.add("grant:" + (name.type() == LockType.JOURNAL ? "JOURNAL:" : "") + name);
                        }
                        return g;
                    });
                }

                @Override
                public void recoveryDone(int slot) {
                    events.add("recoveryDone:" + slot);
                    s.recoveryDone(slot);
                }

                @Override
                public int nodeSlot() {
                    return s.nodeSlot();
                }

                @Override
                public void close() {
                    s.close();
                }
            };
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
