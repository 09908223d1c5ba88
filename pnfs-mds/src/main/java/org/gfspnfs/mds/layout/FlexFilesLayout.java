package org.gfspnfs.mds.layout;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.gfspnfs.gfs.FileAttributes;
import org.gfspnfs.nfs41.pnfs.DeviceAddress;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.xdr.FfDataServer4;
import org.gfspnfs.nfs41.xdr.FfDeviceAddr4;
import org.gfspnfs.nfs41.xdr.FfDeviceVersions4;
import org.gfspnfs.nfs41.xdr.FfLayout4;
import org.gfspnfs.nfs41.xdr.FfMirror4;
import org.gfspnfs.nfs41.xdr.MultipathList4;
import org.gfspnfs.nfs41.xdr.NfsFh4;
import org.gfspnfs.nfs41.xdr.Stateid4;
import org.gfspnfs.nfs41.xdr.XdrBytes;

/**
 * The flexible files layout (LAYOUT4_FLEX_FILES, RFC 8435) over the same data servers as the files layout. One
 * mirror with one data server per file (the Linux 6.1 client refuses a mirror with more than one: no striping
 * inside a mirror), chosen by a hash of the inode number over the current device's data servers, so files spread
 * over all of them. Stripe unit 0: the whole file lives on that one server. Tightly coupled (section 2.3): the
 * stateid in the layout is the layout stateid with seqid 0 ("current"), which the data servers check with the MDS
 * exactly like a files-layout client's stateids; the file handle is the MDS handle. Flags 0: LAYOUTCOMMIT is
 * needed (it converts the unwritten extents the data server wrote) and I/O through the MDS stays allowed.
 *
 * <p>A flexfiles device is one data server (ff_device_addr4 has one multipath list): its id is the files device's
 * id with the server's index + 1 in the top 16 bits of the low word, so GETDEVICEINFO finds the data server, and a
 * changed data server list (a new files device) changes every flexfiles id too.
 */
final class FlexFilesLayout {
    /** rsize/wsize announced per data server: the engine's default maximum I/O size. */
    static final int IO_SIZE = 1 << 20;
    private static final int INDEX_SHIFT = 48;
    private static final long BASE_MASK = (1L << INDEX_SHIFT) - 1;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private FlexFilesLayout() {
    }

    /** Which data server of {@code device} holds the file: hashed, so inode numbers with a stride still spread. */
    static int dataServerIndex(FilesDevice device, long inodeNumber) {
        long mixed = (inodeNumber * GOLDEN) >>> 32;
        return (int) (mixed % device.width());
    }

    /** The flexfiles device id of data server {@code index} of {@code device}. */
    static DeviceId deviceId(FilesDevice device, int index) {
        return new DeviceId(device.id().high(), device.id().low() | ((long) (index + 1) << INDEX_SHIFT));
    }

    /** Every flexfiles device id of {@code device} (for CB_NOTIFY_DEVICEID when it is replaced). */
    static List<DeviceId> deviceIds(FilesDevice device) {
        return IntStream.range(0, device.width()).mapToObj(i -> deviceId(device, i)).toList();
    }

    /** The data server a flexfiles device id names, if its files device is still known. */
    static Optional<DataServerAddress> resolve(DeviceRegistry devices, DeviceId id) {
        int index = (int) (id.low() >>> INDEX_SHIFT) - 1;
        if (index < 0) {
            return Optional.empty();
        }
        return devices.find(new DeviceId(id.high(), id.low() & BASE_MASK))
                .filter(d -> index < d.width()).map(d -> d.dataServers().get(index));
    }

    /** ff_layout4 for one file: one mirror, one data server, the layout stateid, the MDS handle, numeric owner. */
    static byte[] body(FilesDevice device, LayoutRequest request, FileAttributes owner) {
        int index = dataServerIndex(device, request.inode().number());
        Stateid4 stateid = new Stateid4(0, request.layoutStateid().other());
        FfDataServer4 ds = new FfDataServer4(deviceId(device, index).toBytes(), 1, stateid,
                List.of(new NfsFh4(request.fileHandle())), Integer.toUnsignedString(owner.uid()),
                Integer.toUnsignedString(owner.gid()));
        return XdrBytes.encode(new FfLayout4(0, List.of(new FfMirror4(List.of(ds))), 0, 0));
    }

    /** ff_device_addr4 of one data server: its address, NFSv4.1, tightly coupled. */
    static DeviceAddress address(DataServerAddress ds) {
        FfDeviceAddr4 addr = new FfDeviceAddr4(new MultipathList4(List.of(ds.netAddr())),
                List.of(new FfDeviceVersions4(4, 1, IO_SIZE, IO_SIZE, true)));
        return new DeviceAddress(LayoutTypes.FLEX_FILES, XdrBytes.encode(addr));
    }
}
