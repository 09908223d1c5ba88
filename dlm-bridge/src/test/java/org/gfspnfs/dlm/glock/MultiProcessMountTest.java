package org.gfspnfs.dlm.glock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.dlm.cluster.NodeProcesses;
import org.gfspnfs.gfs.DirEntry;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: two node processes mount the same image file with glocks over the DLM and create, write and rename
 * files in one directory at the same time; afterwards fsck is clean and every file is there with its content.
 */
class MultiProcessMountTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesMountOneImage_concurrentCreatesRenamesWrites_fsckClean_nothingLost() throws Exception {
        Path image = dir.resolve("fs.img");
        try (FileBlockDevice d = FileBlockDevice.create(image, 16 << 20)) {
            Mkfs.format(d, new MkfsOptions(1024, 2, 512, 1024, "test:mp", "t", UUID.randomUUID()));
        }
        int perNode = 40;
        CountDownLatch done = new CountDownLatch(2);
        try (NodeProcesses nodes = new NodeProcesses(dir, 2)) {
            for (int id = 1; id <= 2; id++) {
                nodes.spawn(MountNodeMain.class, id, line -> {
                    if (line.equals("DONE")) {
                        done.countDown();
                    }
                }, image.toString(), "" + (id - 1), "" + perNode);
            }
            nodes.broadcastView();
            assertThat(done.await(180, TimeUnit.SECONDS)).as("both nodes finished").isTrue();
            nodes.stopAll();
        }
        try (FileBlockDevice d = FileBlockDevice.open(image)) {
            FsckReport report = Fsck.run(d, FsckMode.CHECK, FsckProgress.NONE);
            assertThat(report.errors()).isEmpty();
            assertThat(report.clean()).isTrue();
        }
        try (FileBlockDevice d = FileBlockDevice.open(image);
             LocalLockModule locks = new LocalLockModule();
             FileSystem fs = FileSystems.mount(d, MountOptions.of(0, locks))) {
            InodeId shared = fs.lookup(fs.root(), "shared");
            Set<String> names = new HashSet<>();
            for (DirEntry e : fs.readdir(shared, 0, 10_000).entries()) {
                names.add(e.name());
            }
            assertThat(names).hasSize(2 * perNode);
            for (String me : List.of("n0", "n1")) {
                for (int i = 0; i < perNode; i++) {
                    String name = i % 2 == 0 ? me + "-renamed-" + i : me + "-" + i;
                    ByteBuffer buf = ByteBuffer.allocate(64);
                    int n = fs.read(fs.lookup(shared, name), 0, buf);
                    assertThat(new String(buf.array(), 0, n, StandardCharsets.UTF_8)).isEqualTo(me + " wrote " + i);
                }
            }
        }
    }
}
