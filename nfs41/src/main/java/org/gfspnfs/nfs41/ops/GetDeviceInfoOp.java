package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.pnfs.DeviceAddress;
import org.gfspnfs.nfs41.pnfs.DeviceId;
import org.gfspnfs.nfs41.pnfs.LayoutProvider;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.StatusWithBodyException;
import org.gfspnfs.nfs41.status.TooSmallException;
import org.gfspnfs.nfs41.xdr.DeviceAddr4;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Res;
import org.gfspnfs.nfs41.xdr.NotifyDeviceId4;
import org.gfspnfs.nfs41.xdr.Uint32;

/**
 * GETDEVICEINFO (RFC 8881 section 18.40): the address body of one device. A maxcount too small for it is
 * NFS4ERR_TOOSMALL with the size needed (gdir_mincount); maxcount 0 asks for no address. The notifications we
 * will send (CB_NOTIFY_DEVICEID change and delete) are those the client asked for.
 */
final class GetDeviceInfoOp implements Operation<GetDeviceInfo4Args> {
    private static final int SUPPORTED_NOTIFY = (1 << NotifyDeviceId4.CHANGE) | (1 << NotifyDeviceId4.DELETE);
    /** layout type, body length, notification bitmap of one word. */
    private static final int RESULT_OVERHEAD = 16;

    @Override
    public XdrAble execute(CompoundContext ctx, GetDeviceInfo4Args args) throws NfsException {
        LayoutProvider provider = PnfsChecks.provider(ctx);
        PnfsChecks.layoutType(provider, args.layoutType);
        DeviceAddress addr = provider.deviceInfo(DeviceId.of(args.deviceId), args.layoutType);
        int needed = RESULT_OVERHEAD + ((addr.body().length + 3) & ~3);
        int asked = args.notifyTypes.length == 0 ? 0 : args.notifyTypes[0];
        int[] notify = new int[] {asked & SUPPORTED_NOTIFY};
        if (args.maxCount == 0) {
            return new GetDeviceInfo4Res(new DeviceAddr4(addr.layoutType(), new byte[0]), notify);
        }
        if (needed > args.maxCount) {
            throw new StatusWithBodyException(new TooSmallException("device address needs " + needed),
                    new Uint32(needed));
        }
        return new GetDeviceInfo4Res(new DeviceAddr4(addr.layoutType(), addr.body()), notify);
    }
}
