package org.gfspnfs.nfs41.ops;

import java.util.ArrayList;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.DeviceId4;
import org.gfspnfs.nfs41.xdr.GetDeviceList4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceList4Res;

/**
 * GETDEVICELIST (RFC 8881 section 18.41): the devices of a layout type, paged by cookie (the index of the next
 * device). The device list is short and stable, so the cookie verifier is constant.
 */
final class GetDeviceListOp implements Operation<GetDeviceList4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, GetDeviceList4Args args) throws NfsException {
        LayoutProvider provider = PnfsChecks.provider(ctx);
        PnfsChecks.layoutType(provider, args.layoutType);
        if (args.maxDevices <= 0) {
            throw new InvalException("maxdevices " + args.maxDevices);
        }
        List<DeviceId> all = provider.deviceList(args.layoutType);
        if (args.cookie < 0 || args.cookie > all.size()) {
            throw new InvalException("cookie " + args.cookie);
        }
        int from = (int) args.cookie;
        int to = Math.min(all.size(), from + args.maxDevices);
        GetDeviceList4Res res = new GetDeviceList4Res(0, new byte[8], new ArrayList<>(), false);
        for (DeviceId id : all.subList(from, to)) {
            res.deviceIds.add(new DeviceId4(id.toBytes()));
        }
        res.cookie = to;
        res.eof = to == all.size();
        return res;
    }
}
