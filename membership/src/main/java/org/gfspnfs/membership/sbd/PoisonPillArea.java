package org.gfspnfs.membership.sbd;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.gfspnfs.conf.ConfDefaults;
import org.gfspnfs.membership.fence.FenceConfirmation;

/**
 * The disk-fencing area on shared storage, as sbd's: a header and one slot per node id (1..255), each slot a
 * mailbox that a fencer writes a poison pill into and its owner watches. See {@code membership/README.md},
 * "Disk fencing area", for the byte layout and where the area lives.
 *
 * <p>Slots are {@value #SLOT_SIZE} bytes, so each read or write is one aligned block that a disk writes whole and
 * that O_DIRECT accepts on 4K-native devices. On a block device the area is opened with O_DIRECT, because the
 * other hosts' writes never reach this host's page cache; an image file (tests, single host) goes through the page
 * cache, which is coherent on one host. Every write is forced to stable storage before it returns.
 */
public final class PoisonPillArea implements AutoCloseable {
    /** Bytes per slot; slot 0 is the header, slot n belongs to node id n. */
    public static final int SLOT_SIZE = 4096;
    /** Slots in the area (header included). */
    public static final int SLOTS = ConfDefaults.MAX_NODE_ID + 1;
    /** Total bytes the area takes: 1 MiB. */
    public static final long AREA_SIZE = (long) SLOT_SIZE * SLOTS;

    static final long HEADER_MAGIC = 0x4746535046454e43L; // "GFSPFENC"
    private static final int HEADER_VERSION = 1;
    private static final int NAME_BYTES = 64;
    private static final int CRC_OFFSET = 20 + NAME_BYTES;

    private final Path path;
    private final long base;
    private final boolean blockDevice;
    private final OpenOption[] options;
    private final String clusterName;
    /** Replaced when an interrupt closed it: the watchdog and fencers share this area. */
    private volatile FileChannel channel;
    private volatile boolean closed;

    private PoisonPillArea(Path path, long base, boolean blockDevice, OpenOption[] options, FileChannel channel,
                           String clusterName) {
        this.path = path;
        this.base = base;
        this.blockDevice = blockDevice;
        this.options = options;
        this.channel = channel;
        this.clusterName = clusterName;
    }

    /** One read or write on the channel. */
    private interface ChannelIo<T> {
        T run(FileChannel channel) throws IOException;
    }

    /**
     * Runs {@code io}; when the channel was closed under it by an interrupt (FileChannel closes itself when a thread
     * blocked in it is interrupted, e.g. a fencing being abandoned), reopens it for everyone else and retries once
     * unless this very thread was the one interrupted. Without this, cancelling a fence agent could blind the
     * watchdog of its own node, which would then halt for an unreadable slot.
     */
    private <T> T io(ChannelIo<T> io) throws IOException {
        FileChannel current = channel;
        try {
            return io.run(current);
        } catch (ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            reopen(current);
            if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return io.run(channel);
        }
    }

    private synchronized void reopen(FileChannel failed) throws IOException {
        if (channel == failed && !closed) {
            channel = FileChannel.open(path, options);
        }
    }

    /**
     * Opens the area at the start of {@code path}, formatting it first (like {@code sbd create}) when the file is
     * new, shorter than the area, or its header block is all zeros. A header of another cluster, or one that does
     * not decode, is refused: writing pills into someone else's area must never happen.
     */
    public static PoisonPillArea open(Path path, String clusterName) throws IOException {
        return open(FenceAreaLocation.startOf(path), clusterName);
    }

    /**
     * Opens the area at {@code location} (a file or device and the area's offset in it), formatting it first when
     * its header block is all zeros (or, for a file of its own, when the file is new or short). An area inside a
     * filesystem device (offset > 0) is never created: mkfs reserved and zeroed it.
     */
    public static PoisonPillArea open(FenceAreaLocation location, String clusterName) throws IOException {
        Objects.requireNonNull(clusterName, "clusterName");
        Path path = location.path();
        boolean blockDevice = Files.exists(path) && !Files.isRegularFile(path);
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DSYNC));
        if (blockDevice) {
            options.add(ExtendedOpenOption.DIRECT);
        } else if (location.offset() == 0) {
            options.add(StandardOpenOption.CREATE);
        }
        OpenOption[] opened = options.toArray(OpenOption[]::new);
        FileChannel channel = FileChannel.open(path, opened);
        // Reopening after an interrupt must not create a file that vanished meanwhile.
        OpenOption[] reopen = options.stream().filter(o -> o != StandardOpenOption.CREATE).toArray(OpenOption[]::new);
        PoisonPillArea area = new PoisonPillArea(path, location.offset(), blockDevice, reopen, channel, clusterName);
        try {
            area.checkOrFormat();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return area;
    }

    public Path path() {
        return path;
    }

    /** Where the area is: its file or device and offset. */
    public FenceAreaLocation location() {
        return new FenceAreaLocation(path, base);
    }

    /** Reads node {@code nodeId}'s slot from the device (never from a cache of ours). */
    public SlotMessage read(int nodeId) throws IOException {
        checkNodeId(nodeId);
        ByteBuffer block = readBlock(nodeId);
        return SlotMessage.decode(block, nodeId);
    }

    /**
     * Writes the message of node {@code nodeId}'s slot and forces it to stable storage; the slot's fence record
     * (second half) is kept. The slot is read, changed and written whole, one aligned block.
     */
    public synchronized void write(SlotMessage message) throws IOException {
        checkNodeId(message.nodeId());
        ByteBuffer block = readBlock(message.nodeId());
        block.put(0, new byte[FenceRecordCodec.OFFSET]);
        message.encode(block.position(0));
        block.clear();
        writeBlock(message.nodeId(), block);
    }

    /** The confirmed fencing recorded in node {@code nodeId}'s slot, if any (the last one written). */
    public Optional<FenceConfirmation> readConfirmation(int nodeId) throws IOException {
        checkNodeId(nodeId);
        return FenceRecordCodec.decode(readBlock(nodeId), nodeId);
    }

    /**
     * Records a confirmed fencing in the victim's slot (second half; the mailbox message is kept) and forces it to
     * stable storage.
     */
    public synchronized void writeConfirmation(FenceConfirmation confirmation) throws IOException {
        checkNodeId(confirmation.nodeId());
        ByteBuffer block = readBlock(confirmation.nodeId());
        FenceRecordCodec.encode(confirmation, block);
        block.clear();
        writeBlock(confirmation.nodeId(), block);
    }

    private void checkOrFormat() throws IOException {
        // A block device reports size 0 here: only an image file can be too short (new, or never formatted).
        if ((!blockDevice && io(FileChannel::size) < base + AREA_SIZE) || isZero(readBlock(0))) {
            format();
            return;
        }
        ByteBuffer header = readBlock(0);
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().limit(CRC_OFFSET));
        long magic = header.getLong(0);
        int version = header.getInt(8);
        int slotSize = header.getInt(12);
        int slots = header.getInt(16);
        byte[] name = new byte[NAME_BYTES];
        header.get(20, name);
        if (magic != HEADER_MAGIC || header.getInt(CRC_OFFSET) != (int) crc.getValue()) {
            throw new CorruptSlotException(path + " is not a gfs-pnfs fence area (bad magic or checksum)");
        }
        if (version != HEADER_VERSION || slotSize != SLOT_SIZE || slots != SLOTS) {
            throw new CorruptSlotException(path + ": unsupported fence area version " + version + ", slot size "
                    + slotSize + ", " + slots + " slots");
        }
        String owner = new String(name, StandardCharsets.UTF_8).replace("\0", "");
        if (!owner.equals(clusterName)) {
            throw new CorruptSlotException(path + " is the fence area of cluster '" + owner + "', not '"
                    + clusterName + "'");
        }
    }

    private void format() throws IOException {
        // One write of the zeroed slots and one of the header: a sync per slot would make formatting take seconds.
        ByteBuffer zeros = ByteBuffer.allocateDirect((int) AREA_SIZE + SLOT_SIZE).alignedSlice(SLOT_SIZE)
                .limit((int) AREA_SIZE - SLOT_SIZE);
        long start = base + SLOT_SIZE;
        io(ch -> {
            ByteBuffer all = zeros.duplicate();
            long position = start;
            while (all.hasRemaining()) {
                position += ch.write(all, position);
            }
            return null;
        });
        ByteBuffer header = alignedBlock();
        byte[] name = clusterName.getBytes(StandardCharsets.UTF_8);
        if (name.length > NAME_BYTES) {
            throw new IllegalArgumentException("cluster name too long: " + clusterName);
        }
        header.putLong(HEADER_MAGIC).putInt(HEADER_VERSION).putInt(SLOT_SIZE).putInt(SLOTS).put(name);
        CRC32C crc = new CRC32C();
        crc.update(header.duplicate().position(0).limit(CRC_OFFSET));
        header.putInt(CRC_OFFSET, (int) crc.getValue());
        header.clear();
        writeBlock(0, header);
    }

    private ByteBuffer readBlock(int slot) throws IOException {
        long position = base + (long) slot * SLOT_SIZE;
        return io(ch -> {
            ByteBuffer block = alignedBlock();
            while (block.hasRemaining()) {
                int n = ch.read(block, position + block.position());
                if (n < 0) {
                    throw new IOException(location() + ": fence area truncated at slot " + slot);
                }
            }
            return block.flip();
        });
    }

    private void writeBlock(int slot, ByteBuffer block) throws IOException {
        long position = base + (long) slot * SLOT_SIZE;
        io(ch -> {
            ByteBuffer data = block.duplicate();
            while (data.hasRemaining()) {
                ch.write(data, position + data.position());
            }
            ch.force(false);
            return null;
        });
    }

    /** A zeroed direct buffer aligned to the slot size, as O_DIRECT needs. */
    private static ByteBuffer alignedBlock() {
        return ByteBuffer.allocateDirect(SLOT_SIZE * 2).alignedSlice(SLOT_SIZE).limit(SLOT_SIZE);
    }

    private static boolean isZero(ByteBuffer block) {
        for (int i = 0; i < block.limit(); i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkNodeId(int nodeId) {
        if (nodeId < 1 || nodeId >= SLOTS) {
            throw new IllegalArgumentException("node id out of range 1.." + (SLOTS - 1) + ": " + nodeId);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "fence area " + location() + " (cluster " + clusterName + ")";
    }
}
