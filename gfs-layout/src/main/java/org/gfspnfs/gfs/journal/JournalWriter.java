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
 * Appends transactions to one journal following the write order in FORMAT.md: device flush (ordered data and the
 * previous transaction's in-place writes become durable), body and commit, device flush, then in-place writes.
 * Not thread safe: the log flush that calls it is serialized by the caller.
 */
public final class JournalWriter {
    private final JournalArea area;
    private final Clock clock;
    private long nextSeq;
    private long nextPos;

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

    /**
     * Commits one transaction and then writes the images in place (not yet flushed: the next commit's leading flush
     * makes them durable). Returns the transaction's sequence number.
     */
    public long commit(List<BlockImage> images, long[] revokes) throws IOException {
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
        LogHeader lh = new LogHeader(seq, 0, body.size(), nextPos, seq, nextPos, (int) crc.getValue(), clock.millis());
        long commitPos = nextPos + body.size();
        body.add(lh.encode(bs, area.address(commitPos)));

        area.device().flush();
        area.write(nextPos, body.toArray(new byte[0][]));
        area.device().flush();
        for (BlockImage im : images) {
            area.device().write(im.address() * bs, ByteBuffer.wrap(im.data()));
        }
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
