package org.gfspnfs.node.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.conf.ClusterConf;
import org.gfspnfs.conf.ClusterNode;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.api.FilesystemState;
import org.gfspnfs.control.api.JournalInfo;
import org.gfspnfs.control.api.JournalState;
import org.gfspnfs.control.api.NodeFaultException;
import org.gfspnfs.control.api.RgrpUsage;
import org.gfspnfs.control.spi.FilesystemView;
import org.gfspnfs.gfs.CorruptionException;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.device.BlockDevice;
import org.gfspnfs.gfs.format.RgrpHeader;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.gfs.journal.JournalArea;
import org.gfspnfs.gfs.journal.JournalReplayer;

/**
 * {@code gfsctl fs} for the filesystem this node has mounted: one journal per node slot (GFS2 gives every node its
 * own journal) and the resource groups' usage, read from the shared device without taking glocks.
 *
 * <p>What the device says is what was last written in place: the rgrp headers' free and dinode counts lag the
 * journal until its next checkpoint, and a journal's head is read as the replayer would see it after a crash. The
 * journal this node writes is IN_USE; any other reads CLEAN or DIRTY from its head (which node is alive to write
 * it comes with membership). Who holds an rgrp glock is not exposed by gfs-layout yet, so {@code holderNodeId}
 * is 0 (none known).
 */
final class GfsFilesystemView implements FilesystemView {
    private final ClusterConf conf;
    private final FileSystem fs;
    private final BlockDevice device;

    GfsFilesystemView(ClusterConf conf, FileSystem fs, BlockDevice device) {
        this.conf = conf;
        this.fs = fs;
        this.device = device;
    }

    @Override
    public List<FilesystemState> filesystems() throws ControlException {
        try {
            Superblock sb = superblock();
            return List.of(new FilesystemState(conf.filesystem().name(), conf.filesystem().device().toString(),
                    sb.blockSize(), journals(sb), rgrps(sb)));
        } catch (IOException e) {
            throw new NodeFaultException("cannot read the shared device: " + e.getMessage(), e);
        }
    }

    private Superblock superblock() throws IOException {
        ByteBuffer first = ByteBuffer.allocate(512);
        device.read(0, first);
        try {
            ByteBuffer block = ByteBuffer.allocate(Superblock.peekBlockSize(first.array()));
            device.read(0, block);
            return Superblock.decode(block.array());
        } catch (CorruptionException e) {
            throw new IOException("superblock: " + e.getMessage(), e);
        }
    }

    private List<JournalInfo> journals(Superblock sb) throws IOException {
        List<ClusterNode> bySlot = conf.nodes().stream()
                .sorted((a, b) -> Integer.compare(a.nodeId(), b.nodeId())).toList();
        List<JournalInfo> out = new ArrayList<>();
        for (int j = 0; j < sb.journalCount(); j++) {
            String owner = j < bySlot.size() ? bySlot.get(j).name() : "";
            JournalReplayer.Result head = new JournalReplayer(new JournalArea(device, sb.blockSize(),
                    sb.journalBlock(j), sb.journalBlocks())).scan();
            JournalState state = j == fs.info().journalId() ? JournalState.IN_USE
                    : head.wasClean() ? JournalState.CLEAN : JournalState.DIRTY;
            out.add(new JournalInfo(j, owner, state, head.head().seq()));
        }
        return out;
    }

    private List<RgrpUsage> rgrps(Superblock sb) throws IOException {
        List<RgrpUsage> out = new ArrayList<>();
        for (int i = 0; i < sb.rgrpCount(); i++) {
            long addr = sb.rgrpAddress(i);
            ByteBuffer block = ByteBuffer.allocate(sb.blockSize());
            device.read(addr * sb.blockSize(), block);
            RgrpHeader h = new RgrpHeader(block.array());
            out.add(new RgrpUsage(i, addr, h.dataBlocks(), h.free(), h.dinodes(), 0));
        }
        return out;
    }
}
