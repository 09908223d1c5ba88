package org.gfspnfs.gfs.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.gfspnfs.gfs.format.LogDescriptor;
import org.gfspnfs.gfs.format.LogHeader;

/**
 * Appends transactions to one journal following the write order in FORMAT.md: a commit is its body and commit block
 * followed by one device flush. The journaled blocks are written in place later, at a <em>checkpoint</em>: in front
 * of the next leading device flush (a commit after file data was written, one that would reach past half the
 * journal) or at {@link #markClean}. Until then the transactions since the last checkpoint are live: every commit
 * names the oldest of them its tail, and replay applies them all. An fsync of metadata therefore costs one flush of
 * a few contiguous journal blocks, and a block changed by many transactions is written in place once.
 * Not thread safe: the log flush that calls it is serialized by the caller; {@link #unwritten} may be called by any
 * thread.
 */
public final class JournalWriter {
    private final JournalArea area;
    private final Clock clock;
    private long nextSeq;
    private long nextPos;
    /** The oldest live transaction (committed since the last checkpoint), -1 if none. */
    private long tailSeq = -1;
    private long tailPos;
    /** The newest committed image of every block of the live transactions: not in place yet. */
    private final Map<Long, byte[]> unwritten = new ConcurrentHashMap<>();

    public JournalWriter(JournalArea area, Clock clock, long nextSeq, long nextPos) {
        this.area = area;
        this.clock = clock;
        this.nextSeq = nextSeq;
        this.nextPos = nextPos;
    }

    /** Largest number of images one transaction can carry (descriptors and commit included). */
    public int maxImages() {
        int perDesc = LogDescriptor.capacity(area.blockSize());
        int usable = area.blocks() - 4;
        return usable - (usable / (perDesc + 1)) - 1;
    }

    /** Body blocks a transaction with these images and revokes needs, the commit excluded. */
    public int bodyBlocks(int images, int revokes) {
        int perDesc = LogDescriptor.capacity(area.blockSize());
        return images + ceilDiv(images, perDesc) + ceilDiv(revokes, perDesc);
    }

    /** {@link #commit(List, long[], boolean)} with ordered data to make durable first. */
    public long commit(List<BlockImage> images, long[] revokes) throws IOException {
        return commit(images, revokes, true);
    }

    /**
     * Commits one transaction; its images are written in place at a later checkpoint. With {@code orderedData} (file
     * data written since the last flush, which the transaction's metadata may point at) the device is flushed
     * first, so the data is durable before the commit can be; that flush is also a checkpoint. Without it the flush
     * is left out, unless the live transactions and this one would fill more than half the journal.
     * {@code revokes} (blocks freed since they were journaled) are never written in place from here on.
     * Returns the transaction's sequence number.
     */
    public long commit(List<BlockImage> images, long[] revokes, boolean orderedData) throws IOException {
        int bs = area.blockSize();
        if (bodyBlocks(images.size(), revokes.length) + 1 > area.blocks()) {
            throw new IllegalStateException("transaction of " + images.size() + " blocks exceeds the journal");
        }
        long seq = nextSeq;
        List<byte[]> body = new ArrayList<>();
        int perDesc = LogDescriptor.capacity(bs);
        for (int i = 0; i < revokes.length; i += perDesc) {
            long[] part = Arrays.copyOfRange(revokes, i, Math.min(revokes.length, i + perDesc));
            body.add(new LogDescriptor(seq, LogDescriptor.REVOKE, part).encode(bs, area.address(nextPos + body.size())));
        }
        for (int i = 0; i < images.size(); i += perDesc) {
            List<BlockImage> part = images.subList(i, Math.min(images.size(), i + perDesc));
            long[] addrs = new long[part.size()];
            for (int k = 0; k < addrs.length; k++) {
                addrs[k] = part.get(k).address();
            }
            body.add(new LogDescriptor(seq, LogDescriptor.METADATA, addrs).encode(bs, area.address(nextPos + body.size())));
            for (BlockImage im : part) {
                body.add(im.data());
            }
        }
        CRC32C crc = new CRC32C();
        body.forEach(crc::update);
        int blocks = body.size() + 1;
        // The live transactions' journal blocks must survive this one (replay needs them until their blocks are in
        // place), so a transaction that would reach past half the journal checkpoints first.
        boolean checkpoint = orderedData || hasLiveTransactions() && liveBlocks() + blocks > area.blocks() / 2;
        if (checkpoint) {
            writeInPlace();
            area.device().flush();
            tailSeq = -1;
        }
        if (tailSeq < 0) {
            tailSeq = seq;
            tailPos = nextPos;
        }
        LogHeader lh = new LogHeader(seq, 0, body.size(), nextPos, tailSeq, tailPos, (int) crc.getValue(),
                clock.millis());
        long commitPos = nextPos + body.size();
        body.add(lh.encode(bs, area.address(commitPos)));
        area.write(nextPos, body.toArray(new byte[0][]));
        area.device().flush();
        // Only now that the revokes are durable: a checkpoint before this commit still wrote the freed blocks' last
        // images (a crash that loses this transaction leaves them allocated, as the transactions before it say).
        for (long addr : revokes) {
            unwritten.remove(addr);
        }
        for (BlockImage im : images) {
            unwritten.put(im.address(), im.data());
        }
        nextSeq = seq + 1;
        nextPos = Math.floorMod(commitPos + 1, area.blocks());
        return seq;
    }

    /**
     * The newest committed image of block {@code addr} if it is not in place yet (the device holds an older one),
     * else null. A reader that finds no cached copy of a metadata block must look here before the device.
     */
    public byte[] unwritten(long addr) {
        return unwritten.get(addr);
    }

    /** Whether transactions were committed since the last checkpoint (a CLEAN checkpoint then has work to do). */
    public boolean hasLiveTransactions() {
        return tailSeq >= 0;
    }

    /** Journal blocks from the tail up to the next position (a live span never wraps onto itself). */
    private int liveBlocks() {
        return (int) Math.floorMod(nextPos - tailPos, (long) area.blocks());
    }

    /** Whether {@code addr} was journaled by a live transaction (freeing it then needs a revoke). */
    public boolean live(long addr) {
        return unwritten.containsKey(addr);
    }

    /** Blocks committed and not written in place yet. */
    public int unwrittenBlocks() {
        return unwritten.size();
    }

    /**
     * Writes the live transactions' blocks in place, in address order (not flushed). Each leaves the map only once
     * written, so a reader that misses it there finds it on the device.
     */
    private void writeInPlace() throws IOException {
        if (unwritten.isEmpty()) {
            return;
        }
        int bs = area.blockSize();
        for (long addr : new TreeSet<>(unwritten.keySet())) {
            area.device().write(addr * bs, ByteBuffer.wrap(unwritten.get(addr)));
            unwritten.remove(addr);
        }
    }

    /** Writes an empty CLEAN commit (unmount, after replay) and flushes: nothing to replay from here on. */
    public void markClean() throws IOException {
        writeInPlace();
        area.device().flush();
        LogHeader lh = new LogHeader(nextSeq, LogHeader.FLAG_CLEAN, 0, nextPos, nextSeq, nextPos, (int) new CRC32C()
                .getValue(), clock.millis());
        area.write(nextPos, new byte[][] {lh.encode(area.blockSize(), area.address(nextPos))});
        area.device().flush();
        tailSeq = -1;
        nextSeq++;
        nextPos = Math.floorMod(nextPos + 1, area.blocks());
    }

    public long nextSeq() {
        return nextSeq;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
