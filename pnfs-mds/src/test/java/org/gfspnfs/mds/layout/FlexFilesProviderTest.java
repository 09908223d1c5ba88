package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutRange;
import org.gfspnfs.nfs41.pnfs.LayoutRequest;
import org.gfspnfs.nfs41.pnfs.LayoutSegment;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutTypes;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.UnknownLayoutTypeException;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.FfDataServer4;
import org.gfspnfs.nfs41.xdr.FfDeviceAddr4;
import org.gfspnfs.nfs41.xdr.FfLayout4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.Test;

/**
 * The provider handing out flexfiles layouts next to files layouts over one gfs image: the layout body, the device
 * of one data server, and a changed data server list (every old flexfiles device id announced gone, layouts of both
 * types recalled, unreturned ones revoked) through the same code as files layouts.
 */
class FlexFilesProviderTest extends ProviderOverImage {
    @Override
    FilesLayoutProvider provider() {
        return new FilesLayoutProvider(fs, table, devices, FilesLayoutConfig.defaults()
                .withRecallTimeout(Duration.ofMillis(100)), scheduler, (client, inode, fh) -> revoked.add(inode),
                new int[] {LayoutTypes.NFSV4_1_FILES, LayoutTypes.FLEX_FILES});
    }

    @Override
    int[] fileOwner() {
        return new int[] {1234, 567};
    }

    @Override
    String notifyLine(long clientId, int layoutType, boolean deleted, DeviceId id) {
        return "notify " + clientId + " type " + layoutType + (deleted ? " deleted " : " changed ") + id;
    }

    @Test
    void flexLayout_oneMirrorOneDataServer_layoutStateid_mdsHandle_numericOwner() throws Exception {
        byte[] fh = handle();
        StateId sid = table.reserve(7, 1, inode(), fh, LayoutTypes.FLEX_FILES);
        List<LayoutSegment> segs = provider.layoutGet(new LayoutRequest(1, inode(), fh, LayoutTypes.FLEX_FILES,
                LayoutIoMode.READ_WRITE, 0, -1, 0, sid));
        assertThat(segs).singleElement().satisfies(s -> {
            assertThat(s.layoutType()).isEqualTo(LayoutTypes.FLEX_FILES);
            assertThat(s.length()).as("whole file").isEqualTo(-1);
        });
        FfLayout4 layout = XdrBytes.decode(segs.get(0).body(), new FfLayout4());
        assertThat(layout.flags).as("LAYOUTCOMMIT needed, MDS I/O allowed").isZero();
        FfDataServer4 ds = layout.mirrors.get(0).dataServers.get(0);
        assertThat(ds.stateid.seqid).as("seqid 0: the current layout stateid").isZero();
        assertThat(ds.stateid.other).isEqualTo(sid.other());
        assertThat(ds.fhVersions.get(0).value).isEqualTo(fh);
        assertThat(ds.user).isEqualTo("1234");
        assertThat(ds.group).isEqualTo("567");
        FfDeviceAddr4 addr = XdrBytes.decode(provider.deviceInfo(DeviceId.of(ds.deviceId), LayoutTypes.FLEX_FILES)
                .body(), new FfDeviceAddr4());
        int index = FlexFilesLayout.dataServerIndex(devices.current().orElseThrow(), file.number());
        assertThat(addr.netAddrs.addrs).singleElement()
                .satisfies(a -> assertThat(a.addr).isEqualTo(THREE.get(index).netAddr().addr));
        assertThat(provider.deviceList(LayoutTypes.FLEX_FILES)).hasSize(3).contains(DeviceId.of(ds.deviceId));
    }

    @Test
    void filesOnlyProvider_refusesFlexfiles() {
        FilesLayoutProvider filesOnly = new FilesLayoutProvider(fs, table, devices, FilesLayoutConfig.defaults(),
                scheduler, LayoutRevocations.NONE);
        assertThat(filesOnly.layoutTypes()).containsExactly(LayoutTypes.NFSV4_1_FILES);
        assertThatThrownBy(() -> filesOnly.layoutGet(new LayoutRequest(1, inode(), handle(), LayoutTypes.FLEX_FILES,
                LayoutIoMode.READ, 0, -1, 0))).isInstanceOf(UnknownLayoutTypeException.class);
    }

    @Test
    void dataServerGone_flexClientHearsEveryOldDeviceGone_bothTypesRecalled_unreturnedRevoked() {
        FilesDevice old = devices.current().orElseThrow();
        Inode other = new Inode(inode().number() + 1, 1);
        table.grant(7, 1, inode(), handle(), LayoutTypes.FLEX_FILES,
                List.of(new LayoutRange(LayoutIoMode.READ_WRITE, 0, -1)));
        table.grant(7, 2, other, handle(), LayoutTypes.NFSV4_1_FILES,
                List.of(new LayoutRange(LayoutIoMode.READ, 0, -1)));
        provider.dataServersChanged(THREE.subList(0, 2));
        assertThat(callbacks).contains("notify 1 type 4 deleted " + FlexFilesLayout.deviceId(old, 0),
                "notify 1 type 4 deleted " + FlexFilesLayout.deviceId(old, 1),
                "notify 1 type 4 deleted " + FlexFilesLayout.deviceId(old, 2),
                "notify 2 type 1 deleted " + old.id(), "recall 1 " + inode(), "recall 2 " + other);
        assertThat(callbacks).hasSize(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> revoked.containsAll(List.of(inode(), other)));
        assertThat(table.holding(1, inode()).orElseThrow().state()).isEqualTo(LayoutState.REVOKED);
        assertThat(table.holding(1, inode()).orElseThrow().layoutType()).isEqualTo(LayoutTypes.FLEX_FILES);
    }
}
