package org.gfspnfs.gfs.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.gfspnfs.gfs.format.LogDescriptor;
import org.gfspnfs.gfs.format.LogHeader;

/**
 * Appends transactions to one journal following the write order in FORMAT.md: device flush when ordered data was
 * written since the last one, body and commit, device flush, then in-place writes. Without the leading flush the
 * previous transaction's in-place writes may not be durable when this commit is: its tail is then the previous
 * transaction, which replay applies too.
 * Not thread safe: the log flush that calls it is serialized by the caller.
 */
public final class JournalWriter {
    private final JournalArea area;
    private final Clock clock;
    private long nextSeq;
    private long nextPos;
    /** The last transaction, while its in-place writes may not be durable (-1: none may be pending). */
    private long pendingSeq = -1;
    private long pendingPos;
    private int pendingBlocks;

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
     * Commits one transaction and then writes the images in place (not yet flushed: the next commit's flush makes
     * them durable). With {@code orderedData} (file data written since the last flush, which the transaction's
     * metadata may point at) the device is flushed first, so the data is durable before the commit can be; without
     * it that flush is left out, unless this transaction would overwrite the journal blocks of the previous one.
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
            long[] addrs = part.stream().mapToLong(BlockImage::address).toArray();
            body.add(new LogDescriptor(seq, LogDescriptor.METADATA, addrs).encode(bs, area.address(nextPos + body.size())));
            for (BlockImage im : part) {
                body.add(im.data());
            }
        }
        CRC32C crc = new CRC32C();
        body.forEach(crc::update);
        int blocks = body.size() + 1;
        // The previous transaction's in-place writes become durable with this commit's flush, not before it: its
        // journal blocks must survive this one, and replay must apply it too (it is this commit's tail).
        boolean leadingFlush = orderedData || pendingSeq >= 0 && pendingBlocks + blocks > area.blocks();
        boolean tailIsPending = !leadingFlush && pendingSeq >= 0;
        LogHeader lh = new LogHeader(seq, 0, body.size(), nextPos, tailIsPending ? pendingSeq : seq,
                tailIsPending ? pendingPos : nextPos, (int) crc.getValue(), clock.millis());
        long commitPos = nextPos + body.size();
        body.add(lh.encode(bs, area.address(commitPos)));

        if (leadingFlush) {
            area.device().flush();
        }
        area.write(nextPos, body.toArray(new byte[0][]));
        area.device().flush();
        for (BlockImage im : images) {
            area.device().write(im.address() * bs, ByteBuffer.wrap(im.data()));
        }
        pendingSeq = seq;
        pendingPos = nextPos;
        pendingBlocks = blocks;
        nextSeq = seq + 1;
        nextPos = Math.floorMod(commitPos + 1, area.blocks());
        return seq;
    }

    /** Writes an empty CLEAN commit (unmount, after replay) and flushes: nothing to replay from here on. */
    public void markClean() throws IOException {
        area.device().flush();
        LogHeader lh = new LogHeader(nextSeq, LogHeader.FLAG_CLEAN, 0, nextPos, nextSeq, nextPos, (int) new CRC32C()
                .getValue(), clock.millis());
        area.write(nextPos, new byte[][] {lh.encode(area.blockSize(), area.address(nextPos))});
        area.device().flush();
        pendingSeq = -1;
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
