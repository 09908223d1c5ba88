package org.gfspnfs.nfs41.ops;

import org.gfspnfs.nfs41.compound.OperationTable;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.xdr.GetDeviceInfo4Args;
import org.gfspnfs.nfs41.xdr.GetDeviceList4Args;
import org.gfspnfs.nfs41.xdr.LayoutCommit4Args;
import org.gfspnfs.nfs41.xdr.LayoutGet4Args;
import org.gfspnfs.nfs41.xdr.LayoutReturn4Args;
import org.gfspnfs.nfs41.xdr.Op;

/**
 * The operation table of a pNFS metadata server (RFC 8881 chapter 12): the standard operations plus LAYOUTGET,
 * GETDEVICEINFO, GETDEVICELIST, LAYOUTRETURN and LAYOUTCOMMIT over one {@link LayoutStateTable} that the layout
 * provider and the recaller share.
 */
public final class PnfsOperations {
    private PnfsOperations() {
    }

    /** {@link StandardOperations#core()} plus the pNFS operations. */
    public static OperationTable.Builder metadataServer(LayoutStateTable table) {
        return register(StandardOperations.core(), table);
    }

    /** Adds the pNFS operations to {@code b}. */
    public static OperationTable.Builder register(OperationTable.Builder b, LayoutStateTable table) {
        b.add(Op.LAYOUTGET, "LAYOUTGET", LayoutGet4Args.class, new LayoutGetOp(table));
        b.add(Op.GETDEVICEINFO, "GETDEVICEINFO", GetDeviceInfo4Args.class, new GetDeviceInfoOp());
        b.add(Op.GETDEVICELIST, "GETDEVICELIST", GetDeviceList4Args.class, new GetDeviceListOp());
        b.add(Op.LAYOUTRETURN, "LAYOUTRETURN", LayoutReturn4Args.class, new LayoutReturnOp(table));
        b.add(Op.LAYOUTCOMMIT, "LAYOUTCOMMIT", LayoutCommit4Args.class, new LayoutCommitOp(table));
        return b;
    }
}
