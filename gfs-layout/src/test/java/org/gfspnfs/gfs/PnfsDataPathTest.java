package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MDS allocates unwritten extents, a data server writes the device directly, LAYOUTCOMMIT converts. */
class PnfsDataPathTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void unwrittenRange_readsZeros_untilCommitWritten_thenShowsDataServerWrites() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId f = fs.create(fs.root(), "striped", 0644, 0, 0).id();
            List<Extent> alloc = fs.allocateUnwritten(f, 0, 64 * 1024);
            assertThat(alloc).allMatch(e -> e.state() == ExtentState.UNWRITTEN);
            assertThat(alloc.stream().mapToLong(Extent::length).sum()).isEqualTo(64 * 1024);
            assertThat(fs.getattr(f).size()).as("allocation does not change the size").isZero();

            byte[] payload = new byte[64 * 1024];
            java.util.Arrays.fill(payload, (byte) 0x5a);
            long written = 0;
            for (Extent e : alloc) {
                dev.write(e.deviceOffset(), ByteBuffer.wrap(payload, (int) written, (int) e.length()));
                written += e.length();
            }
            fs.setattr(f, SetAttributes.NONE.withSize(64 * 1024));
            ByteBuffer before = ByteBuffer.allocate(64 * 1024);
            fs.read(f, 0, before);
            assertThat(before.array()).as("unwritten reads as zeros").containsOnly(0);

            Instant mtime = Instant.parse("2026-01-02T03:04:05.123456789Z");
            FileAttributes a = fs.commitWritten(f, 0, 64 * 1024, 100_000, mtime);
            assertThat(a.size()).isEqualTo(100_000);
            assertThat(a.mtime()).isEqualTo(mtime);
            assertThat(fs.mapRange(f, 0, 64 * 1024)).allMatch(e -> e.state() == ExtentState.WRITTEN);
            ByteBuffer after = ByteBuffer.allocate(64 * 1024);
            fs.read(f, 0, after);
            assertThat(after.array()).isEqualTo(payload);
            List<Extent> tail = fs.mapRange(f, 64 * 1024, 36_000);
            assertThat(tail).singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(ExtentState.HOLE));
        }
    }

    @Test
    void crashBetweenDataServerWriteAndLayoutCommit_rangeStillReadsZeros() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        FileSystem fs = TestImages.mount(dev, 0, locks);
        InodeId f = fs.create(fs.root(), "f", 0644, 0, 0).id();
        List<Extent> alloc = fs.allocateUnwritten(f, 0, 8192);
        fs.setattr(f, SetAttributes.NONE.withSize(8192));
        fs.sync();
        for (Extent e : alloc) {
            dev.write(e.deviceOffset(), ByteBuffer.wrap(new byte[(int) e.length()]).put(0, (byte) 1));
        }
        GfsMounter.crash(fs);
        try (LocalLockModule fresh = new LocalLockModule();
             FileSystem again = FileSystems.mount(dev, MountOptions.of(0, fresh))) {
            ByteBuffer b = ByteBuffer.allocate(8192);
            again.read(f, 0, b);
            assertThat(b.array()).containsOnly(0);
            assertThat(again.mapRange(f, 0, 8192)).allMatch(e -> e.state() == ExtentState.UNWRITTEN);
        }
    }

    @Test
    void writeThroughTheApi_intoUnwrittenBlocks_convertsOnlyThoseBlocks() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(8 << 20, TestImages.small(4096));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId f = fs.create(fs.root(), "f", 0644, 0, 0).id();
            fs.allocateUnwritten(f, 0, 4 * 4096);
            fs.write(f, 4096 + 10, ByteBuffer.wrap(new byte[] {42}));
            List<Extent> map = fs.mapRange(f, 0, 4 * 4096);
            assertThat(map).extracting(Extent::state)
                    .containsExactly(ExtentState.UNWRITTEN, ExtentState.WRITTEN, ExtentState.UNWRITTEN);
            ByteBuffer b = ByteBuffer.allocate(4096);
            fs.read(f, 4096, b);
            assertThat(b.get(10)).isEqualTo((byte) 42);
            assertThat(b.get(9)).isZero();
        }
    }
}
