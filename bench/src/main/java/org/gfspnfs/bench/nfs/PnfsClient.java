package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Res;
import org.gfspnfs.nfs41.xdr.Op;

/**
 * The pNFS side of a client (RFC 8881 chapters 12 and 13): the metadata server's {@link FileClient}, device
 * addresses from GETDEVICEINFO (cached), and one session per data server address (EXCHANGE_ID + CREATE_SESSION on
 * the data server, connected on first use). Closing it destroys the data server sessions it made.
 */
public final class PnfsClient implements AutoCloseable {
    private final FileClient mds;
    private final NfsSession.Options dsOptions;
    private final Map<String, FilesDevice> devices = new LinkedHashMap<>();
    private final Map<InetSocketAddress, FileClient> dataServers = new LinkedHashMap<>();

    public PnfsClient(FileClient mds, NfsSession.Options dsOptions) {
        this.mds = mds;
        this.dsOptions = dsOptions;
    }

    public FileClient mds() {
        return mds;
    }

    /** Files of {@code dir} whose data goes through layouts to the data servers. */
    public FileIo.Factory factory(byte[] dir) {
        return new FileIo.Factory() {
            @Override
            public FileIo create(String name) throws IOException {
                return PnfsFileIo.open(PnfsClient.this, mds.create(dir, name, NfsOps.ACCESS_BOTH), NfsOps.IOMODE_RW);
            }

            @Override
            public FileIo openRead(String name) throws IOException {
                return PnfsFileIo.open(PnfsClient.this, mds.open(dir, name, NfsOps.ACCESS_READ), NfsOps.IOMODE_READ);
            }
        };
    }

    synchronized FilesDevice device(byte[] deviceId) throws IOException {
        String key = HexFormat.of().formatHex(deviceId);
        FilesDevice d = devices.get(key);
        if (d == null) {
            GetDeviceInfo4Res r = FileClient.body(mds.session().call(NfsOps.getDeviceInfo(deviceId, 64 << 10)),
                    Op.GETDEVICEINFO);
            if (r.deviceAddr.layoutType != NfsOps.LAYOUT4_NFSV4_1_FILES) {
                throw new IOException("GETDEVICEINFO returned layout type " + r.deviceAddr.layoutType);
            }
            d = FilesDevice.decode(r.deviceAddr.body);
            devices.put(key, d);
        }
        return d;
    }

    synchronized FileClient dataServer(InetSocketAddress address) throws IOException {
        FileClient c = dataServers.get(address);
        if (c == null) {
            c = new FileClient(NfsSession.connect(address, dsOptions.withOwner(dsOptions.owner() + "-ds"
                    + dataServers.size())));
            dataServers.put(address, c);
        }
        return c;
    }

    /** READ/WRITE payload bytes moved through the data servers so far. */
    public synchronized long dataServerBytes() {
        long sum = 0;
        for (FileClient c : dataServers.values()) {
            sum += c.dataBytes();
        }
        return sum;
    }

    public synchronized int dataServerCount() {
        return dataServers.size();
    }

    @Override
    public synchronized void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (FileClient c : dataServers.values()) {
            try {
                c.session().close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        dataServers.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
