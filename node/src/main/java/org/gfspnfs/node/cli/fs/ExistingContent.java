package org.gfspnfs.node.cli.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.fsck.Fsck;

/**
 * What a device already holds, so mkfs can refuse to destroy it without --force (as mkfs.gfs2 and mkfs.xfs do):
 * our own filesystem (named by uuid, label and lock table), or the signatures of common filesystems, volume
 * managers and partition tables (blkid's magic numbers).
 */
final class ExistingContent {
    private ExistingContent() {
    }

    /** A description of what is on the device, or null if it looks unused. */
    static String detect(BlockDevice dev) throws IOException {
        Superblock sb = Fsck.readSuperblockUnverified(dev);
        if (sb != null) {
            return "a gfs-layout filesystem (uuid " + sb.uuid() + ", label '" + sb.label() + "', lock table '"
                    + sb.lockTable() + "', " + sb.journalCount() + " journals, made "
                    + Instant.ofEpochSecond(sb.mkfsTime()) + ")";
        }
        if (at(dev, 65536, 4).getInt() == 0x01161970 && at(dev, 65540, 4).getInt() == 1) {
            return "a GFS2 filesystem";
        }
        if (ascii(dev, 0, 4).equals("XFSB")) {
            return "an XFS filesystem";
        }
        if ((at(dev, 1080, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff) == 0xEF53) {
            return "an ext2/ext3/ext4 filesystem";
        }
        if (ascii(dev, 65600, 8).equals("_BHRfS_M")) {
            return "a btrfs filesystem";
        }
        if (ascii(dev, 512 + 0, 8).equals("LABELONE")) {
            return "an LVM2 physical volume";
        }
        if (ascii(dev, 0, 4).equals("LUKS")) {
            return "a LUKS encrypted volume";
        }
        if (ascii(dev, 4086, 10).equals("SWAPSPACE2")) {
            return "a swap area";
        }
        ByteBuffer mbr = at(dev, 510, 2);
        if ((mbr.get(0) & 0xff) == 0x55 && (mbr.get(1) & 0xff) == 0xAA) {
            return "a partition table (MBR/GPT)";
        }
        return null;
    }

    private static ByteBuffer at(BlockDevice dev, long off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        if (off + len <= dev.size()) {
            dev.read(off, b);
        }
        b.clear();
        return b;
    }

    private static String ascii(BlockDevice dev, long off, int len) throws IOException {
        return new String(at(dev, off, len).array(), StandardCharsets.ISO_8859_1);
    }
}
