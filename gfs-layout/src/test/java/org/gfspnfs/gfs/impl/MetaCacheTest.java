package org.gfspnfs.gfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.format.Meta;
import org.gfspnfs.gfs.format.MetaType;
import org.gfspnfs.gfs.lock.LockName;
import org.gfspnfs.gfs.lock.LockType;
import org.junit.jupiter.api.Test;

/** What the metadata cache keeps: recently used blocks, and after eviction the newest committed image. */
class MetaCacheTest {
    private static final int BS = 512;
    private static final LockName OWNER = new LockName(LockType.INODE, 10);

    @Test
    void evictedBlockNotYetInPlace_readsFromTheJournalsImage_notTheOlderDevice() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(BS * 64);
        byte[] older = block(10, (byte) 1);
        dev.write(10L * BS, java.nio.ByteBuffer.wrap(older));
        byte[] committed = block(10, (byte) 2);
        Map<Long, byte[]> notInPlace = new HashMap<>(Map.of(10L, committed));
        MetaCache cache = new MetaCache(dev, BS);
        cache.readThrough(notInPlace::get);

        assertThat(cache.read(10, MetaType.DI, OWNER).data).isEqualTo(committed);
        cache.trim(0);
        assertThat(cache.size()).isZero();
        assertThat(cache.read(10, MetaType.DI, OWNER).data).as("after eviction").isEqualTo(committed);

        notInPlace.clear(); // the checkpoint wrote it in place
        dev.write(10L * BS, java.nio.ByteBuffer.wrap(committed));
        cache.trim(0);
        assertThat(cache.read(10, MetaType.DI, OWNER).data).isEqualTo(committed);
    }

    @Test
    void trimming_keepsTheBlocksLookedUpSinceTheLastTrim_andDropsTheOldestUntouchedOnes() throws Exception {
        MemoryBlockDevice dev = new MemoryBlockDevice(BS * 64);
        for (long a = 1; a <= 8; a++) {
            dev.write(a * BS, java.nio.ByteBuffer.wrap(block(a, (byte) a)));
        }
        MetaCache cache = new MetaCache(dev, BS);
        for (long a = 1; a <= 8; a++) {
            cache.read(a, MetaType.DI, OWNER);
        }
        cache.cached(1);
        cache.read(2, MetaType.DI, OWNER);
        cache.trim(4);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.cached(1)).as("looked up").isNotNull();
        assertThat(cache.cached(2)).as("read again").isNotNull();
        assertThat(cache.cached(8)).as("the youngest untouched").isNotNull();
        assertThat(cache.cached(3)).as("the oldest untouched").isNull();

        // All three were looked up just now: the next trim still keeps the bound, dropping the oldest first.
        cache.trim(1);
        assertThat(cache.size()).isZero();
    }

    private static byte[] block(long addr, byte fill) {
        byte[] b = new byte[BS];
        Meta.init(b, MetaType.DI, addr);
        java.util.Arrays.fill(b, 64, BS, fill);
        Meta.seal(b);
        return b;
    }
}
