package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.lock.BlockingCallback;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.gfs.lock.LockFlag;
import org.gfspnfs.gfs.lock.LockGrant;
import org.gfspnfs.gfs.lock.LockMode;
import org.gfspnfs.gfs.lock.LockModule;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockSession;
import org.junit.jupiter.api.Test;

/**
 * A mount gives idle glocks back to the lock manager when it knows more than its cache size (GFS2's glock shrinker):
 * the locks a node holds stay bounded however many files it touches, and what it gave back reads correctly again.
 */
class GlockReclaimTest {
    private static final int CACHE = 64;

    @Test
    void touchingManyMoreFilesThanTheCacheHolds_keepsTheHeldLocksBounded_andEverythingStillReads() throws Exception {
        CountingLockModule locks = new CountingLockModule(new LocalLockModule());
        MemoryBlockDevice dev = TestImages.formatted(16 << 20, TestImages.small(4096));
        List<InodeId> files = new ArrayList<>();
        try (FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks).withCacheBlocks(CACHE))) {
            for (int i = 0; i < 600; i++) {
                InodeId f = fs.create(fs.root(), "f" + i, 0644, 0, 0).id();
                fs.write(f, 0, ByteBuffer.wrap(("file " + i).getBytes()));
                files.add(f);
            }
            for (int i = 0; i < 600; i += 3) {
                fs.unlink(fs.root(), "f" + i);
            }
            // The demotes run on the mount's demote thread: wait until they have been given back.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (locks.held() > 2 * CACHE && System.nanoTime() < deadline) {
                fs.getattr(fs.root());
                Thread.sleep(20);
            }
            assertThat(locks.held()).as("locks held after touching 600 files with a cache of " + CACHE)
                    .isLessThanOrEqualTo(2 * CACHE);
            assertThat(locks.maxHeld()).as("never more than a sweep's worth over the cache")
                    .isLessThan(600);

            for (int i = 0; i < 600; i++) {
                if (i % 3 == 0) {
                    continue;
                }
                ByteBuffer b = ByteBuffer.allocate(32);
                int n = fs.read(files.get(i), 0, b);
                assertThat(new String(b.array(), 0, n)).isEqualTo("file " + i);
            }
            assertThat(fs.readdir(fs.root(), 0, 1000).entries()).hasSize(400);
        }
        locks.close();
    }

    /** Counts the locks the mount's session holds now (granted, not given back), and the most it ever held. */
    private static final class CountingLockModule implements LockModule {
        private final LockModule inner;
        private final Map<LockName, LockMode> held = new ConcurrentHashMap<>();
        private volatile int maxHeld;

        CountingLockModule(LockModule inner) {
            this.inner = inner;
        }

        int held() {
            return held.size();
        }

        int maxHeld() {
            return maxHeld;
        }

        @Override
        public LockSession join(String lockTable, int nodeSlot, BlockingCallback callback) {
            LockSession s = inner.join(lockTable, nodeSlot, callback);
            return new LockSession() {
                @Override
                public CompletableFuture<LockGrant> request(LockName name, LockMode mode, Set<LockFlag> flags,
                                                            byte[] lvb) {
                    return s.request(name, mode, flags, lvb).thenApply(g -> {
                        if (mode == LockMode.UN) {
                            held.remove(name);
                        } else {
                            held.put(name, mode);
                            maxHeld = Math.max(maxHeld, held.size());
                        }
                        return g;
                    });
                }

                @Override
                public void recoveryDone(int slot) {
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
