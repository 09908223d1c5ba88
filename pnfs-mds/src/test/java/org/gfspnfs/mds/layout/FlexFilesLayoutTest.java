package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.xdr.FfDeviceAddr4;
import org.gfspnfs.nfs41.xdr.FfLayoutReturn4;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.junit.jupiter.api.Test;

/** Flexfiles devices (one per data server) and the report a client sends back with LAYOUTRETURN (RFC 8435). */
class FlexFilesLayoutTest {
    private static final List<DataServerAddress> THREE = List.of(new DataServerAddress("a", "10.0.0.1", 2049),
            new DataServerAddress("b", "10.0.0.2", 2049), new DataServerAddress("c", "10.0.0.3", 2050));

    @Test
    void flexfilesDeviceId_namesOneDataServer_untilTheListIsReplaced() throws Exception {
        DeviceRegistry devices = new DeviceRegistry(42, THREE);
        FilesDevice d = devices.current().orElseThrow();
        for (int i = 0; i < 3; i++) {
            DeviceId id = FlexFilesLayout.deviceId(d, i);
            assertThat(FlexFilesLayout.resolve(devices, id)).contains(THREE.get(i));
            FfDeviceAddr4 addr = XdrBytes.decode(FlexFilesLayout.address(THREE.get(i)).body(), new FfDeviceAddr4());
            assertThat(addr.netAddrs.addrs.get(0).addr).isEqualTo(THREE.get(i).netAddr().addr);
            assertThat(addr.versions.get(0).tightlyCoupled).isTrue();
        }
        assertThat(FlexFilesLayout.resolve(devices, d.id())).as("the files device id is no flexfiles device")
                .isEmpty();
        devices.replace(THREE.subList(0, 2));
        devices.retire(d.id());
        assertThat(FlexFilesLayout.resolve(devices, FlexFilesLayout.deviceId(d, 0))).as("retired list").isEmpty();
    }

    @Test
    void consecutiveAndStridedInodeNumbers_spreadOverEveryDataServer() {
        FilesDevice d = new FilesDevice(new DeviceId(1, 1), THREE);
        for (long stride : new long[] {1, 3, 8, 4096}) {
            Set<Integer> used = new HashSet<>();
            for (long n = 100; n < 100 + 30 * stride; n += stride) {
                used.add(FlexFilesLayout.dataServerIndex(d, n));
            }
            assertThat(used).as("stride " + stride).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void returnReport_malformedOrEmpty_isIgnored_wellFormedIsDecoded() {
        Inode inode = new Inode(5, 1);
        assertThat(FlexFilesReturnReport.read(1, inode, new byte[0])).isNull();
        assertThat(FlexFilesReturnReport.read(1, inode, new byte[] {0, 0, 0, 9, 1})).isNull();
        assertThat(FlexFilesReturnReport.read(1, inode, new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0})).isNull();
        byte[] empty = XdrBytes.encode(new FfLayoutReturn4(List.of(), List.of()));
        assertThat(FlexFilesReturnReport.read(1, inode, empty)).isNotNull();
    }
}
