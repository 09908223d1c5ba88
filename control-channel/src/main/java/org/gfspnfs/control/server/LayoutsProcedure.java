package org.gfspnfs.control.server;

import java.util.List;

import org.gfspnfs.control.api.LayoutFilter;
import org.gfspnfs.control.api.LayoutInfo;
import org.gfspnfs.control.api.ControlException;
import org.gfspnfs.control.spi.ControlProviders;
import org.gfspnfs.control.xdr.ControlProgram;

/** LAYOUTS: layouts (RFC 8881 section 12.5) by file, by data server, or all. */
final class LayoutsProcedure extends Procedure<LayoutFilter, List<LayoutInfo>> {
    LayoutsProcedure() {
        super(ControlProgram.LAYOUTS);
    }

    @Override
    List<LayoutInfo> execute(LayoutFilter args, ControlProviders providers) throws ControlException {
        if (args.kind() != LayoutFilter.Kind.ALL) {
            requireName(args.value(), args.kind() == LayoutFilter.Kind.FILE ? "file" : "data server");
        }
        return providers.nfsState().layouts(args);
    }
}
