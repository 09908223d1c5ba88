package org.gfspnfs.dlm.core;

import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.net.msg.Blocking;
import org.gfspnfs.dlm.net.msg.CancelReply;
import org.gfspnfs.dlm.net.msg.CancelRequest;
import org.gfspnfs.dlm.net.msg.ConvertRequest;
import org.gfspnfs.dlm.net.msg.DeadlockVictim;
import org.gfspnfs.dlm.net.msg.DirectoryRemove;
import org.gfspnfs.dlm.net.msg.Failed;
import org.gfspnfs.dlm.net.msg.Grant;
import org.gfspnfs.dlm.net.msg.LockReply;
import org.gfspnfs.dlm.net.msg.LockRequest;
import org.gfspnfs.dlm.net.msg.Lookup;
import org.gfspnfs.dlm.net.msg.LookupReply;
import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.UnlockReply;
import org.gfspnfs.dlm.net.msg.UnlockRequest;
import org.gfspnfs.dlm.api.LockId;

/**
 * Maps a received lock message to the lockspace's master, directory or owner role (Linux: _receive_message). The one
 * place where wire types turn into calls; called under the lockspace mutex.
 */
final class LockMessages {
    private LockMessages() {
    }

    /** Messages that ask the receiver to change lock state; dropped while it is stopped (the sender resends). */
    static boolean isRequest(Message m) {
        return m instanceof Lookup || m instanceof LockRequest || m instanceof ConvertRequest
                || m instanceof UnlockRequest || m instanceof CancelRequest || m instanceof DeadlockVictim
                || m instanceof DirectoryRemove;
    }

    static void apply(LockspaceImpl ls, int src, Message m, Deliveries d) {
        MasterSide master = ls.master;
        if (m instanceof Lookup x) {
            ls.node.send(src, new LookupReply(ls.name(), x.name(), master.directoryLookup(x.name(), src)));
        } else if (m instanceof LookupReply x) {
            LockspaceImpl.OwnerResource r = ls.cache.get(x.name());
            if (r == null || !r.lookupSent) {
                throw new IllegalStateException("unexpected lookup reply for " + x.name());
            }
            ls.masterKnown(r, x.master(), d);
        } else if (m instanceof LockRequest x) {
            master.request(src, x.lkid(), x.holder(), x.name(), x.mode(), x.flags(), d);
        } else if (m instanceof ConvertRequest x) {
            master.convert(src, x.lkid(), x.name(), x.mode(), x.flags(), x.writeBack(), d);
        } else if (m instanceof UnlockRequest x) {
            master.unlock(src, x.lkid(), x.name(), x.writeBack(), d);
        } else if (m instanceof CancelRequest x) {
            master.cancel(src, x.lkid(), x.name(), d);
        } else if (m instanceof DeadlockVictim x) {
            master.failVictim(x.lock(), d);
        } else if (m instanceof DirectoryRemove x) {
            master.directoryRemove(src, x.name());
        } else {
            applyToOwner(ls, m, d);
        }
    }

    private static void applyToOwner(LockspaceImpl ls, Message m, Deliveries d) {
        if (m instanceof LockReply x) {
            ls.ownerReply(x.lkid(), x.kind(), x.granted(), lvb(x.lvb(), x.lvbValid()), x.lvbSeq(), x.demoted(),
                    x.seq(), d);
        } else if (m instanceof Grant x) {
            ls.ownerGranted(x.lkid(), x.mode(), lvb(x.lvb(), x.lvbValid()), x.lvbSeq(), x.demoted(), d);
        } else if (m instanceof UnlockReply x) {
            ls.ownerUnlocked(x.lkid(), d);
        } else if (m instanceof CancelReply x) {
            ls.ownerCancelReply(x.lkid(), x.cancelled(), d);
        } else if (m instanceof Failed x) {
            ls.ownerFailed(x.lkid(), x.status(), d);
        } else if (m instanceof Blocking x) {
            ls.ownerBlocking(x.lkid(), x.mode(), new LockId(x.requesterNode(), x.requesterLkid()), x.requesterSeq(),
                    d);
        } else {
            throw new IllegalStateException("not a lock message: " + m.type());
        }
    }

    private static LockValueBlock lvb(byte[] value, boolean valid) {
        return value == null ? null : new LockValueBlock(value, valid);
    }

}
