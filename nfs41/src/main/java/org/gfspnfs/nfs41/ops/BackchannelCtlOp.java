package org.gfspnfs.nfs41.ops;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.gfspnfs.nfs41.compound.CompoundContext;
import org.gfspnfs.nfs41.compound.Operation;
import org.gfspnfs.nfs41.session.CallbackCredential;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.xdr.BackchannelCtl4Args;
import org.gfspnfs.nfs41.xdr.CallbackSecParms4;

/** BACKCHANNEL_CTL (RFC 8881 section 18.33): a new callback program number and credential for the session. */
final class BackchannelCtlOp implements Operation<BackchannelCtl4Args> {
    @Override
    public XdrAble execute(CompoundContext ctx, BackchannelCtl4Args args) throws NfsException {
        CallbackCredential cred = CallbackCredential.NONE;
        for (CallbackSecParms4 p : args.secParms) {
            if (p.flavor == CallbackSecParms4.AUTH_SYS) {
                cred = new CallbackCredential(1, p.authSys.uid, p.authSys.gid, p.authSys.gids,
                        p.authSys.machineName);
                break;
            }
            if (p.flavor == CallbackSecParms4.AUTH_NONE) {
                break;
            }
        }
        ctx.session().updateBackchannel(args.cbProgram, cred);
        return null;
    }
}
