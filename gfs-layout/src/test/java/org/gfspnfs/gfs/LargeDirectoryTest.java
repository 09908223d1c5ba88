package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Extendible hashing at scale, and readdir cookies that survive concurrent inserts and removals. */
class LargeDirectoryTest {
    private final LocalLockModule locks = new LocalLockModule();

    @AfterEach
    void close() {
        locks.close();
    }

    @Test
    void twentyThousandEntries_allFoundByLookup_andListedOnce_afterRemount() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(48 << 20, TestImages.small(1024).withJournals(2, 1024)
                .withRgrpBlocks(8192));
        int n = 20_000;
        Map<String, InodeId> ids = new HashMap<>();
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.mkdir(fs.root(), "big", 0755, 0, 0).id();
            for (int i = 0; i < n; i++) {
                String name = "entry-" + i + "-" + Integer.toHexString(i * 2654435761L > 0 ? i : -i);
                ids.put(name, fs.create(dir, name, 0644, 0, 0).id());
            }
        }
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.lookup(fs.root(), "big");
            for (Map.Entry<String, InodeId> e : ids.entrySet()) {
                assertThat(fs.lookup(dir, e.getKey())).isEqualTo(e.getValue());
            }
            assertThat(TwoNodeTest.names(fs, dir)).isEqualTo(ids.keySet());
            for (String name : ids.keySet()) {
                fs.unlink(dir, name);
            }
            assertThat(fs.readdir(dir, 0, 10).entries()).isEmpty();
            fs.rmdir(fs.root(), "big");
        }
    }

    /**
     * Listings keep each leaf's sorted entries with the leaf's block: every later change to the leaf (insert, unlink,
     * rename in and out, a split as the directory grows) must be seen by the next listing, on every leaf.
     */
    @Test
    void everyListing_afterInsertsUnlinksAndRenames_showsTheDirectoryAsItIsNow() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(32 << 20, TestImages.small(1024).withJournals(2, 512));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            InodeId other = fs.mkdir(fs.root(), "o", 0755, 0, 0).id();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 800; i++) {
                fs.create(dir, "f" + i, 0644, 0, 0);
                expected.add("f" + i);
            }
            fs.create(other, "incoming", 0644, 0, 0);
            assertThat(TwoNodeTest.names(fs, dir)).isEqualTo(expected);
            Random rnd = new Random(11);
            int next = 800;
            for (int round = 0; round < 12; round++) {
                for (int k = 0; k < 40; k++) {
                    String name = "f" + next++;
                    fs.create(dir, name, 0644, 0, 0);
                    expected.add(name);
                }
                for (int k = 0; k < 30; k++) {
                    String victim = expected.stream().skip(rnd.nextInt(expected.size())).findFirst().orElseThrow();
                    fs.unlink(dir, victim);
                    expected.remove(victim);
                }
                String from = expected.stream().skip(rnd.nextInt(expected.size())).findFirst().orElseThrow();
                fs.rename(dir, from, dir, "renamed" + round);
                expected.remove(from);
                expected.add("renamed" + round);
                String out = expected.stream().skip(rnd.nextInt(expected.size())).findFirst().orElseThrow();
                fs.rename(dir, out, other, "out" + round);
                expected.remove(out);
                fs.rename(other, round == 0 ? "incoming" : "out" + (round - 1), dir, "in" + round);
                expected.add("in" + round);
                assertThat(TwoNodeTest.names(fs, dir)).as("round " + round).isEqualTo(expected);
            }
        }
    }

    @Test
    void readdirResumedFromCookies_whileOthersInsertAndRemove_returnsEverySurvivorExactlyOnce() throws Exception {
        MemoryBlockDevice dev = TestImages.formatted(32 << 20, TestImages.small(1024).withJournals(2, 512));
        try (FileSystem fs = TestImages.mount(dev, 0, locks)) {
            InodeId dir = fs.mkdir(fs.root(), "d", 0755, 0, 0).id();
            Set<String> stable = new HashSet<>();
            Set<String> churn = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                fs.create(dir, "s" + i, 0644, 0, 0);
                stable.add("s" + i);
            }
            for (int i = 0; i < 500; i++) {
                fs.create(dir, "c" + i, 0644, 0, 0);
                churn.add("c" + i);
            }
            Random rnd = new Random(5);
            Set<String> seen = new HashSet<>();
            long cookie = 0;
            int next = 500;
            while (true) {
                DirListing page = fs.readdir(dir, cookie, 37);
                for (DirEntry e : page.entries()) {
                    assertThat(seen.add(e.name())).as("returned once: " + e.name()).isTrue();
                    cookie = e.cookie();
                }
                if (page.eof()) {
                    break;
                }
                for (int k = 0; k < 10; k++) {
                    String victim = churn.stream().skip(rnd.nextInt(churn.size())).findFirst().orElseThrow();
                    fs.unlink(dir, victim);
                    churn.remove(victim);
                    fs.create(dir, "c" + next, 0644, 0, 0);
                    churn.add("c" + next++);
                }
            }
            assertThat(seen).containsAll(stable);
        }
    }
}
