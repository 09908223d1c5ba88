package org.gfspnfs.dlm.glock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.cluster.MiniCluster;
import org.gfspnfs.gfs.DirEntry;
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
import org.junit.jupiter.api.Test;

/** Two mounts of one device, each on its own DLM node (real transport), with glocks over the DLM. */
class GlocksOverDlmTest {

    private static MemoryBlockDevice image() throws Exception {
        MemoryBlockDevice d = new MemoryBlockDevice(8 << 20);
        Mkfs.format(d, new MkfsOptions(1024, 2, 512, 1024, "test:dlm", "t", UUID.randomUUID()));
        return d;
    }

    @Test
    void fileCreatedOnOneNode_isSeenOnTheOther() throws Exception {
        MemoryBlockDevice dev = image();
        try (MiniCluster cluster = new MiniCluster(2);
             DlmLockModule a = new DlmLockModule(cluster.node(1));
             DlmLockModule b = new DlmLockModule(cluster.node(2));
             FileSystem fa = FileSystems.mount(dev, MountOptions.of(0, a));
             FileSystem fb = FileSystems.mount(dev, MountOptions.of(1, b))) {
            InodeId f = fa.create(fa.root(), "hello", 0644, 0, 0).id();
            fa.write(f, 0, ByteBuffer.wrap("from A".getBytes(StandardCharsets.UTF_8)));
            InodeId seen = fb.lookup(fb.root(), "hello");
            ByteBuffer buf = ByteBuffer.allocate(16);
            int n = fb.read(seen, 0, buf);
            assertThat(new String(buf.array(), 0, n, StandardCharsets.UTF_8)).isEqualTo("from A");
        }
    }

    @Test
    void concurrentCreatesRenamesAndWrites_inOneDirectory_fromTwoNodes_loseNothing_fsckClean() throws Exception {
        MemoryBlockDevice dev = image();
        int perNode = 40;
        try (MiniCluster cluster = new MiniCluster(2);
             DlmLockModule a = new DlmLockModule(cluster.node(1));
             DlmLockModule b = new DlmLockModule(cluster.node(2))) {
            FileSystem fa = FileSystems.mount(dev, MountOptions.of(0, a));
            FileSystem fb = FileSystems.mount(dev, MountOptions.of(1, b));
            InodeId dir = fa.mkdir(fa.root(), "shared", 0755, 0, 0).id();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Void>> done = new ArrayList<>();
                done.add(pool.submit(worker(fa, dir, "a", perNode)));
                done.add(pool.submit(worker(fb, dir, "b", perNode)));
                for (Future<Void> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            fa.close();
            fb.close();
        }
        FsckReport report = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(report.errors()).isEmpty();
        assertThat(report.clean()).isTrue();
        try (MiniCluster cluster = new MiniCluster(1);
             DlmLockModule m = new DlmLockModule(cluster.node(1));
             FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, m))) {
            InodeId dir = fs.lookup(fs.root(), "shared");
            Set<String> names = new HashSet<>();
            for (DirEntry e : fs.readdir(dir, 0, 10_000).entries()) {
                names.add(e.name());
            }
            for (String node : List.of("a", "b")) {
                for (int i = 0; i < perNode; i++) {
                    assertThat(names).contains(i % 2 == 0 ? node + "-renamed-" + i : node + "-" + i);
                    InodeId f = fs.lookup(dir, i % 2 == 0 ? node + "-renamed-" + i : node + "-" + i);
                    ByteBuffer buf = ByteBuffer.allocate(64);
                    int n = fs.read(f, 0, buf);
                    assertThat(new String(buf.array(), 0, n, StandardCharsets.UTF_8)).isEqualTo(node + " wrote " + i);
                }
            }
        }
    }

    private static Callable<Void> worker(FileSystem fs, InodeId dir, String node, int count) {
        return () -> {
            for (int i = 0; i < count; i++) {
                InodeId f = fs.create(dir, node + "-" + i, 0644, 0, 0).id();
                fs.write(f, 0, ByteBuffer.wrap((node + " wrote " + i).getBytes(StandardCharsets.UTF_8)));
                if (i % 2 == 0) {
                    fs.rename(dir, node + "-" + i, dir, node + "-renamed-" + i);
                }
            }
            return null;
        };
    }
}
