package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.Test;

/**
 * Two nodes change the same directories at the same time from their own threads (creates, renames across
 * directories, unlinks, writes, truncates). Races may make single operations fail with ENOENT/EEXIST/ENOTEMPTY, but
 * no operation may deadlock or fail otherwise, both nodes must end up seeing the same tree, and fsck must find the
 * result consistent.
 */
class ConcurrentNodesStressTest {
    private static final int OPS_PER_NODE = 4000;

    @Test
    void twoNodesHammeringSharedDirectories_stayConsistent() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(32 << 20, TestImages.small(1024).withJournals(2, 512)
                .withRgrpBlocks(2048));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LocalLockModule locks = new LocalLockModule()) {
            try (FileSystem a = TestImages.mount(dev, 0, locks); FileSystem b = TestImages.mount(dev, 1, locks)) {
                List<InodeId> dirs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    dirs.add(a.mkdir(a.root(), "d" + i, 0755, 0, 0).id());
                }
                Future<?> fa = pool.submit(() -> hammer(a, dirs, 1));
                Future<?> fb = pool.submit(() -> hammer(b, dirs, 2));
                fa.get(150, TimeUnit.SECONDS);
                fb.get(150, TimeUnit.SECONDS);
                for (InodeId d : dirs) {
                    assertThat(TwoNodeTest.names(a, d)).isEqualTo(TwoNodeTest.names(b, d));
                }
                assertThat(a.stats().glockDemotes() + b.stats().glockDemotes())
                        .as("the nodes really contended").isGreaterThan(100);
            }
        } finally {
            pool.shutdownNow();
        }
        FsckReport report = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(report.errors()).as(report.toString()).isEmpty();
    }

    @Test
    void oneNodeCrashesMidRun_survivorRecoversItsJournal_andCarriesOn() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(32 << 20, TestImages.small(1024).withJournals(2, 512)
                .withRgrpBlocks(2048));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LocalLockModule locks = new LocalLockModule()) {
            FileSystem b = TestImages.mount(dev, 1, locks);
            try (FileSystem a = TestImages.mount(dev, 0, locks)) {
                List<InodeId> dirs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    dirs.add(a.mkdir(a.root(), "d" + i, 0755, 0, 0).id());
                }
                Future<?> fa = pool.submit(() -> hammer(a, dirs, 3, OPS_PER_NODE));
                Future<?> fb = pool.submit(() -> {
                    hammer(b, dirs, 4, OPS_PER_NODE / 4);
                    org.gfspnfs.gfs.impl.GfsMounter.crash(b);
                    return null;
                });
                fb.get(150, TimeUnit.SECONDS);
                fa.get(150, TimeUnit.SECONDS);
                for (InodeId d : dirs) {
                    TwoNodeTest.names(a, d);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        FsckReport report = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(report.errors()).as(report.toString()).isEmpty();
    }

    private static Void hammer(FileSystem fs, List<InodeId> dirs, long seed) throws GfsException {
        return hammer(fs, dirs, seed, OPS_PER_NODE);
    }

    private static Void hammer(FileSystem fs, List<InodeId> dirs, long seed, int ops) throws GfsException {
        Random rnd = new Random(seed);
        for (int i = 0; i < ops; i++) {
            InodeId d = dirs.get(rnd.nextInt(dirs.size()));
            String name = "f" + rnd.nextInt(40);
            try {
                switch (rnd.nextInt(6)) {
                    case 0, 1 -> fs.create(d, name, 0644, 0, 0);
                    case 2 -> fs.unlink(d, name);
                    case 3 -> fs.rename(d, name, dirs.get(rnd.nextInt(dirs.size())), "f" + rnd.nextInt(40));
                    case 4 -> fs.write(fs.lookup(d, name), rnd.nextInt(20_000),
                            ByteBuffer.wrap(new byte[1 + rnd.nextInt(5000)]));
                    default -> fs.setattr(fs.lookup(d, name), SetAttributes.NONE.withSize(rnd.nextInt(30_000)));
                }
            } catch (NoSuchFileException | FileExistsException | StaleHandleException e) {
                // Lost a race with the other node: allowed.
            }
        }
        return null;
    }
}
