package org.gfspnfs.mds.layout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.nfs41.pnfs.DeviceAddress;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutCommit;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.pnfs.LayoutRecaller;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutSegment;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.state.StateManager;
import org.gfspnfs.nfs41.status.LayoutUnavailableException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.UnknownLayoutTypeException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.FileLayout4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * The files layout (LAYOUT4_NFSV4_1_FILES, RFC 8881 chapter 13) over gfs-layout: every layout names the current
 * device (the ordered data server list), stripes round robin with the configured stripe unit, SPARSE packing, the
 * MDS file handle on every data server, and COMMIT through the data servers (NFL4_UFLG_COMMIT_THRU_MDS off).
 * Layouts are whole-file segments. Layout stateids and ranges are kept in the shared {@link LayoutStateTable};
 * data written through data servers is made visible by {@link #layoutCommit} ({@link UnwrittenExtents}).
 *
 * <p>Recalls: {@link #truncatedOrRemoved} (the filesystem wiring calls it), {@link #recallFile} (operator), and
 * {@link #dataServersChanged} (a data server joined, left or died: CB_NOTIFY_DEVICEID then recall of every layout).
 * A layout not returned within the recall timeout is revoked (RFC 8881 section 12.5.5.2) and data servers refuse
 * its stateids from then on.
 * Files layouts of different clients do not conflict with each other (RFC 8881 section 13.9: the MDS and data
 * servers keep the data coherent), so LAYOUTGET never recalls another client's layout.
 *
 * <p>The same provider hands out flexible files layouts (LAYOUT4_FLEX_FILES, RFC 8435, {@link FlexFilesLayout})
 * when constructed with that type: same devices, stateids, write path (unwritten extents filled by the data
 * servers, converted by LAYOUTCOMMIT), recalls and revocation; only the layout and device address bodies differ.
 * Which type an export hands out is its {@code pnfs=} option, enforced by the engine.
 */
public final class FilesLayoutProvider implements LayoutProvider {
    private final int[] types;
    private final FileSystem fs;
    private final LayoutStateTable table;
    private final DeviceRegistry devices;
    private final FilesLayoutConfig config;
    private final UnwrittenExtents unwritten;
    private final RecallTimers timers;
    private final LayoutRevocations revocations;
    private volatile LayoutRecaller recaller;
    private volatile DataServerStateCheck stateCheck;

    public FilesLayoutProvider(FileSystem fs, LayoutStateTable table, DeviceRegistry devices,
                               FilesLayoutConfig config, ScheduledExecutorService scheduler,
                               LayoutRevocations revocations) {
        this(fs, table, devices, config, scheduler, revocations, new int[] {LayoutTypes.NFSV4_1_FILES});
    }

    /**
     * A provider offering {@code layoutTypes} (LAYOUT4_NFSV4_1_FILES and/or LAYOUT4_FLEX_FILES, in preference
     * order; empty: an MDS whose exports all say {@code pnfs=none}).
     */
    public FilesLayoutProvider(FileSystem fs, LayoutStateTable table, DeviceRegistry devices,
                               FilesLayoutConfig config, ScheduledExecutorService scheduler,
                               LayoutRevocations revocations, int[] layoutTypes) {
        for (int t : layoutTypes) {
            if (t != LayoutTypes.NFSV4_1_FILES && t != LayoutTypes.FLEX_FILES) {
                throw new IllegalArgumentException("unsupported layout type " + t);
            }
        }
        this.types = layoutTypes.clone();
        this.fs = Objects.requireNonNull(fs, "fs");
        this.table = Objects.requireNonNull(table, "table");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.config = Objects.requireNonNull(config, "config");
        if (config.stripeUnit() % fs.info().blockSize() != 0) {
            // Two data servers must never share a block: each zero-fills what it does not write of its blocks.
            throw new IllegalArgumentException("stripe unit " + config.stripeUnit() + " is not a multiple of the "
                    + fs.info().blockSize() + "-byte filesystem block");
        }
        this.unwritten = new UnwrittenExtents(fs, config.allocationChunk());
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.timers = new RecallTimers(table, scheduler, config.recallTimeout(), revocations);
    }

    /** The write path data servers use: chunked allocation of unwritten extents and written-range reports. */
    public UnwrittenExtents unwrittenExtents() {
        return unwritten;
    }

    /** The striping of layouts handed out now (stripe unit over the current device's data servers). */
    public StripePattern pattern() {
        return new StripePattern(config.stripeUnit(), devices.current().map(FilesDevice::width).orElse(1));
    }

    /**
     * The stateid check data servers use, over the MDS's open/lock state (call once, after the MDS server has
     * started: {@code server.services().states()}).
     */
    public synchronized DataServerStateCheck dataServerCheck(StateManager states) {
        if (stateCheck == null) {
            stateCheck = new DataServerStateCheck(table, states);
        }
        return stateCheck;
    }

    @Override
    public int[] layoutTypes() {
        return types.clone();
    }

    @Override
    public int blockSize() {
        return config.stripeUnit();
    }

    @Override
    public long mdsThreshold() {
        return config.mdsThreshold();
    }

    @Override
    public void attach(LayoutRecaller r) {
        recaller = r;
    }

    @Override
    public List<LayoutSegment> layoutGet(LayoutRequest request) throws NfsException {
        requireOffered(request.layoutType());
        FilesDevice device = devices.current()
                .orElseThrow(() -> new LayoutUnavailableException("no data server is configured or alive"));
        byte[] body;
        if (request.layoutType() == LayoutTypes.FLEX_FILES) {
            body = FlexFilesLayout.body(device, request, owner(request.inode()));
        } else {
            // nfl_util4: the stripe unit with NFL4_UFLG_DENSE and NFL4_UFLG_COMMIT_THRU_MDS both clear.
            body = XdrBytes.encode(new FileLayout4(device.id().toBytes(), config.stripeUnit(), 0, 0,
                    List.of(new NfsFh4(request.fileHandle()))));
        }
        return List.of(new LayoutSegment(0, -1, request.ioMode(), request.layoutType(), body));
    }

    @Override
    public DeviceAddress deviceInfo(DeviceId id, int layoutType) throws NfsException {
        requireOffered(layoutType);
        if (layoutType == LayoutTypes.FLEX_FILES) {
            return FlexFilesLayout.resolve(devices, id).map(FlexFilesLayout::address)
                    .orElseThrow(() -> new NoEntException("unknown flexfiles device " + id));
        }
        return devices.find(id).orElseThrow(() -> new NoEntException("unknown device " + id)).address();
    }

    @Override
    public List<DeviceId> deviceList(int layoutType) throws NfsException {
        requireOffered(layoutType);
        Optional<FilesDevice> current = devices.current();
        if (layoutType == LayoutTypes.FLEX_FILES) {
            return current.map(FlexFilesLayout::deviceIds).orElse(List.of());
        }
        return current.map(d -> List.of(d.id())).orElse(List.of());
    }

    @Override
    public void layoutReturn(long clientId, Inode inode, LayoutIoMode ioMode, long offset, long length,
                             byte[] body) {
        if (offers(LayoutTypes.FLEX_FILES)) {
            // Only flexfiles clients send a body (files layouts have none): their data server error report.
            FlexFilesReturnReport.read(clientId, inode, body);
        }
        if (table.holding(clientId, inode).isEmpty()) {
            timers.cancel(clientId, inode);
        }
        if (table.holders(inode).isEmpty()) {
            unwritten.settled(new InodeId(inode.number(), inode.generation()));
        }
    }

    @Override
    public long layoutCommit(LayoutCommit c) throws NfsException {
        InodeId id = new InodeId(c.inode().number(), c.inode().generation());
        long end = c.length() == -1 || c.offset() + c.length() < c.offset() ? Long.MAX_VALUE
                : c.offset() + c.length();
        long newSize = c.lastWriteOffset() >= 0 ? c.lastWriteOffset() + 1 : 0;
        Instant mtime = c.mtime();
        try {
            long before = fs.getattr(id).size();
            FileAttributes after = unwritten.commit(id, c.offset(), end, newSize, mtime);
            return after.size() != before ? after.size() : -1;
        } catch (GfsException e) {
            throw LayoutErrors.toNfs(e);
        }
    }

    @Override
    public void clientGone(long clientId) {
        List<Inode> held = table.all().stream().filter(h -> h.clientId() == clientId)
                .map(LayoutStateTable.Holding::inode).toList();
        table.forgetClient(clientId);
        for (Inode inode : held) {
            if (table.holders(inode).isEmpty()) {
                unwritten.settled(new InodeId(inode.number(), inode.generation()));
            }
        }
        timers.cancelClient(clientId);
        DataServerStateCheck check = stateCheck;
        if (check != null) {
            check.clientGone(clientId);
        }
        revocations.clientGone(clientId);
    }

    /**
     * Recalls every client's layout of a file (an operator, a change on another node) and revokes what is not
     * returned in time. Data written through the layouts stays committable: the client commits before it returns.
     * Returns how many layouts were recalled.
     */
    public int recallFile(Inode inode) {
        List<LayoutStateTable.Holding> holders = table.holders(inode);
        for (LayoutStateTable.Holding h : holders) {
            recall(h);
        }
        return holders.size();
    }

    /**
     * The file was truncated or its last link removed on the MDS (the filesystem wiring calls this): layouts are
     * recalled and what data servers wrote but nobody committed is dropped, so a late LAYOUTCOMMIT can never
     * convert blocks the truncate freed. Returns how many layouts were recalled.
     */
    public int truncatedOrRemoved(Inode inode) {
        unwritten.forget(new InodeId(inode.number(), inode.generation()));
        return recallFile(inode);
    }

    /**
     * The data server list changed (one died, joined, or moved): new layouts use a new device; clients holding
     * layouts hear that the old device is gone (CB_NOTIFY_DEVICEID) and their layouts are recalled.
     */
    public void dataServersChanged(List<DataServerAddress> dataServers) {
        Optional<FilesDevice> old = devices.replace(dataServers);
        List<LayoutStateTable.Holding> all = table.all();
        LayoutRecaller r = recaller;
        if (old.isPresent() && r != null) {
            all.stream().map(h -> new ClientType(h.clientId(), h.layoutType())).distinct()
                    .forEach(ct -> notifyGone(r, ct, old.get()));
        }
        all.forEach(this::recall);
    }

    private record ClientType(long clientId, int layoutType) {
    }

    /** CB_NOTIFY_DEVICEID (delete) of every device id of {@code old} a client of that layout type may know. */
    private static void notifyGone(LayoutRecaller r, ClientType ct, FilesDevice old) {
        List<DeviceId> ids = ct.layoutType() == LayoutTypes.FLEX_FILES ? FlexFilesLayout.deviceIds(old)
                : List.of(old.id());
        for (DeviceId id : ids) {
            r.notifyDeviceChange(ct.clientId(), ct.layoutType(), id, true);
        }
    }

    private FileAttributes owner(Inode inode) throws NfsException {
        try {
            return fs.getattr(new InodeId(inode.number(), inode.generation()));
        } catch (GfsException e) {
            throw LayoutErrors.toNfs(e);
        }
    }

    private boolean offers(int layoutType) {
        for (int t : types) {
            if (t == layoutType) {
                return true;
            }
        }
        return false;
    }

    private void recall(LayoutStateTable.Holding h) {
        LayoutRecaller r = recaller;
        if (r != null) {
            r.recallFile(h.clientId(), h.inode(), LayoutIoMode.ANY, 0, -1);
        }
        timers.start(h.clientId(), h.inode());
    }

    private void requireOffered(int layoutType) throws NfsException {
        if (!offers(layoutType)) {
            throw new UnknownLayoutTypeException("layout type " + layoutType);
        }
    }
}
