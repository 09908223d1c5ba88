package org.gfspnfs.gfs.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Finding;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.fsck.Images;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency: one recorded random workload, then a crash at each of more than 500 points of it (unflushed
 * writes dropped, or the last journal block torn, or a random subset of them kept). At every point the crashed
 * image must check clean (fsck -n replays the journal in memory), mount (replaying the journal), hold every
 * fsync'd write exactly, and check clean again after unmount.
 */
class CrashConsistencyTest {
    private static final int CRASH_POINTS = 520;
    private static final int TORN_POINTS = 80;

    @Test
    void randomWorkload_crashAtAnyPoint_remountReplays_fsckClean_fsyncedDataIntact() throws Exception {
        MkfsOptions o = new MkfsOptions(1024, 2, 128, 1024, "crash:fs", "crash", new java.util.UUID(7, 7));
        MemoryBlockDevice mem = new MemoryBlockDevice(4 << 20);
        Superblock sb = Mkfs.format(mem, o);
        byte[] base = mem.snapshot();
        RecordingDevice rec = new RecordingDevice(mem);
        CrashWorkload w;
        try (Images.Mounted m = Images.mount(rec)) {
            w = new CrashWorkload(m.fs(), rec, 20261121L);
            w.run(400);
        }
        CrashImages crashes = new CrashImages(base, rec.events(), sb.blockSize(), sb.rgrpStart() * sb.blockSize());
        Random rnd = new Random(42);
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < Math.min(CRASH_POINTS, crashes.events() + 1)) {
            points.add(rnd.nextInt(crashes.events() + 1));
        }
        // Crashes with a journal write in flight are the interesting ones for tearing: make sure there are many.
        List<Integer> inFlight = new ArrayList<>();
        for (int n = 0; n <= crashes.events(); n++) {
            if (crashes.hasPendingJournalWrite(n)) {
                inFlight.add(n);
            }
        }
        java.util.Collections.shuffle(inFlight, rnd);
        TreeSet<Integer> tear = new TreeSet<>(inFlight.subList(0, Math.min(TORN_POINTS, inFlight.size())));
        points.addAll(tear);
        assertThat(points).hasSizeGreaterThanOrEqualTo(500);
        assertThat(tear).hasSizeGreaterThanOrEqualTo(Math.min(TORN_POINTS, 20));
        assertThat(w.promises()).hasSizeGreaterThan(30);
        for (int n : points) {
            CrashImages.Loss loss = tear.contains(n) ? CrashImages.Loss.TEAR_LAST_JOURNAL_BLOCK
                    : n % 2 == 0 ? CrashImages.Loss.DROP_ALL : CrashImages.Loss.RANDOM_SUBSET;
            checkCrash(n, loss, crashes.at(n, loss, new Random(n)), w.promises());
        }
    }

    private static void checkCrash(int n, CrashImages.Loss loss, byte[] image, List<CrashWorkload.Promise> promises)
            throws Exception {
        String where = "crash at event " + n + " (" + loss + ")";
        MemoryBlockDevice dev = new MemoryBlockDevice(image.length);
        dev.write(0, ByteBuffer.wrap(image));
        FsckReport before = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(before.errors()).as(where + ", fsck -n before mount: " + text(before)).isEmpty();
        try (Images.Mounted m = Images.mount(dev)) {
            for (CrashWorkload.Promise p : current(promises, n).values()) {
                assertPromiseKept(m.fs(), p, where);
            }
        }
        FsckReport after = Fsck.run(dev, FsckMode.CHECK, FsckProgress.NONE);
        assertThat(after.errors()).as(where + ", fsck -n after remount: " + text(after)).isEmpty();
    }

    /** For each inode, the last promise made durable before event n that no later change has broken yet. */
    private static Map<Long, CrashWorkload.Promise> current(List<CrashWorkload.Promise> all, int n) {
        Map<Long, CrashWorkload.Promise> out = new TreeMap<>();
        for (CrashWorkload.Promise p : all) {
            if (p.durableAt <= n && p.changedAt >= n) {
                out.put(p.id.number(), p);
            }
        }
        return out;
    }

    private static void assertPromiseKept(FileSystem fs, CrashWorkload.Promise p, String where) throws Exception {
        InodeId dir = p.dir.equals("/") ? fs.root() : fs.lookup(fs.root(), p.dir.substring(1));
        InodeId id = fs.lookup(dir, p.name);
        assertThat(id).as(where + ": " + p.dir + "/" + p.name).isEqualTo(p.id);
        assertThat(fs.getattr(id).size()).as(where + ": size of " + p.name).isEqualTo(p.content.length);
        ByteBuffer buf = ByteBuffer.allocate(p.content.length);
        while (buf.hasRemaining() && fs.read(id, buf.position(), buf) > 0) {
            // read until the whole file is in
        }
        assertThat(buf.array()).as(where + ": contents of " + p.name + " fsync'd at event " + p.durableAt)
                .isEqualTo(p.content);
    }

    private static String text(FsckReport r) {
        List<String> lines = new ArrayList<>();
        for (Finding f : r.findings()) {
            lines.add(f.format());
        }
        return String.join("\n", lines);
    }
}
