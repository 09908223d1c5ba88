package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockResult;
import org.gfspnfs.dlm.api.LockStatus;
import org.gfspnfs.dlm.api.ResourceName;
import org.gfspnfs.dlm.lock.MasterLock;
import org.gfspnfs.dlm.lock.Queue;
import org.gfspnfs.dlm.lock.ResourceState;
import org.gfspnfs.dlm.net.msg.RecoveryDirectory;
import org.gfspnfs.dlm.net.msg.RecoveryLocks;
import org.gfspnfs.dlm.net.msg.RecoveryMaster;

/**
 * The recovery steps of one lockspace on one node (Linux: dlm_recoverd's ls_recover), each run by the node's recovery
 * driver under the lockspace mutex, between cluster-wide barriers:
 * <ol>
 *   <li>{@link #purgeAndRebuildDirectory}: purge dead owners' locks from resources mastered here (invalidating the
 *       LVB if a PW/EX holder died), forget masters that died, and report mastered resources to their directory
 *       nodes under the new member ring;</li>
 *   <li>{@link #resendLocks}: for resources whose master died, send this node's locks (with queue stamps and LVB
 *       copy) to the new master, which is the resource's directory node;</li>
 *   <li>{@link #adoptAndCommit}: a new master adopts what survivors resent, restoring queue order and the LVB;</li>
 *   <li>{@link #resume}: grant what can be granted, in queue order, and send the operations held back.</li>
 * </ol>
 */
final class LockspaceRecovery {
    private final LockspaceImpl ls;
    private final Set<LockId> orphanedOps = new java.util.HashSet<>();
    private final Map<ResourceName, Adoption> adoptions = new HashMap<>();
    private final Map<ResourceName, Integer> remastered = new HashMap<>();
    /** Resources this node adopted in the last recovery it completed (their owners may have aborted it). */
    private Set<ResourceName> lastAdopted = Set.of();
    /** Live masters of resources this node took for orphaned: resend to them, not to the directory node. */
    private final Map<ResourceName, Integer> claimed = new HashMap<>();

    /** What survivors resent for one resource; keyed so that a resend after a restarted recovery replaces. */
    private static final class Adoption {
        final Map<LockId, MasterLock> locks = new java.util.LinkedHashMap<>();
        final Map<Integer, ResourceState.RecoveredValueBlock> copies = new HashMap<>();
        final Set<Integer> owners = new java.util.HashSet<>();
    }

    LockspaceRecovery(LockspaceImpl ls) {
        this.ls = ls;
    }

    void stop() {
        ls.running = false;
    }

    /** Step 1. Returns, per directory node, the names this node masters. */
    Map<Integer, List<ResourceName>> purgeAndRebuildDirectory(Set<Integer> members, ToIntFunction<ResourceName> dir) {
        MasterSide m = ls.master;
        m.locks.keySet().removeIf(id -> !members.contains(id.nodeId()));
        m.lockResource.keySet().removeIf(id -> !members.contains(id.nodeId()));
        for (ResourceState r : m.resources.values()) {
            r.purge(l -> !members.contains(l.id().nodeId()));
            m.tossIfUnused(r);
        }
        m.directory.clear();
        claimed.clear();
        adoptions.clear();
        remastered.clear();
        orphanedOps.clear();
        Map<Integer, List<ResourceName>> out = new HashMap<>();
        int self = ls.node.selfId();
        for (ResourceName name : m.resources.keySet()) {
            int d = dir.applyAsInt(name);
            if (d == self) {
                m.directory.put(name, self);
            } else {
                out.computeIfAbsent(d, k -> new ArrayList<>()).add(name);
            }
        }
        for (LockspaceImpl.OwnerResource r : ls.cache.values()) {
            r.lookupSent = false;
            if (r.master > 0 && !members.contains(r.master)) {
                r.master = -r.master; // negative: died, remaster in step 2 (stays so if this recovery aborts)
            }
        }
        return out;
    }

    /**
     * Step 1, to owners: the resources adopted here in the last completed recovery, per live owner holding locks on
     * them. An owner whose attempt at that recovery was aborted still takes their old master for dead; without this
     * it would resend to the directory node, which would become a second master.
     */
    Map<Integer, List<ResourceName>> mastershipClaims(Set<Integer> members) {
        Map<Integer, List<ResourceName>> out = new HashMap<>();
        int self = ls.node.selfId();
        for (ResourceName name : lastAdopted) {
            ResourceState r = ls.master.resources.get(name);
            if (r == null) {
                continue;
            }
            Set<Integer> owners = new java.util.TreeSet<>();
            for (MasterLock l : r.all()) {
                owners.add(l.id().nodeId());
            }
            for (int owner : owners) {
                if (owner != self && members.contains(owner)) {
                    out.computeIfAbsent(owner, k -> new ArrayList<>()).add(name);
                }
            }
        }
        return out;
    }

    void applyClaim(int src, RecoveryMaster msg) {
        for (ResourceName n : msg.names()) {
            LockspaceImpl.OwnerResource r = ls.cache.get(n);
            if (r != null && r.master < 0) {
                claimed.put(n, src);
            }
        }
    }

    void applyDirectory(int src, RecoveryDirectory msg) {
        for (ResourceName n : msg.names()) {
            ls.master.directory.put(n, src);
        }
    }

    /** Step 2. Returns the lock lists to send to new masters (this node's own share is adopted locally). */
    List<Map.Entry<Integer, RecoveryLocks>> resendLocks(long epoch, ToIntFunction<ResourceName> dir) {
        Map<ResourceName, List<OwnerLock>> byResource = new HashMap<>();
        for (OwnerLock l : ls.own.values()) {
            LockspaceImpl.OwnerResource r = ls.cache.get(l.resource);
            if (r != null && r.master < 0) {
                byResource.computeIfAbsent(l.resource, k -> new ArrayList<>()).add(l);
            }
        }
        List<Map.Entry<Integer, RecoveryLocks>> out = new ArrayList<>();
        for (LockspaceImpl.OwnerResource r : ls.cache.values()) {
            if (r.master >= 0) {
                continue;
            }
            List<OwnerLock> locks = byResource.getOrDefault(r.name, List.of());
            List<RecoveryLocks.Entry> entries = new ArrayList<>();
            OwnerLock newest = null;
            LockMode held = LockMode.NL;
            for (OwnerLock l : locks) {
                RecoveryLocks.Entry e = entryOf(l);
                if (e != null) {
                    entries.add(e);
                    if (e.granted() != null && e.granted().ordinal() > held.ordinal()) {
                        held = e.granted();
                    }
                }
                if (l.valueBlock != null && (newest == null || l.valueBlockSeq > newest.valueBlockSeq)) {
                    newest = l;
                }
            }
            Integer claim = claimed.get(r.name);
            int newMaster = claim != null ? claim : dir.applyAsInt(r.name);
            remastered.put(r.name, entries.isEmpty() ? LockspaceImpl.UNKNOWN : newMaster);
            if (entries.isEmpty()) {
                continue;
            }
            RecoveryLocks msg = new RecoveryLocks(epoch, ls.name(), r.name,
                    newest == null ? null : newest.valueBlock.value(), newest == null ? 0 : newest.valueBlockSeq,
                    newest != null && newest.valueBlock.valid(), held, entries);
            if (newMaster == ls.node.selfId()) {
                adopt(newMaster, msg);
            } else {
                out.add(Map.entry(newMaster, msg));
            }
        }
        return out;
    }

    /**
     * What the new master must know of one lock. An operation sent to the dead master and never answered is taken
     * as not applied if it asked for more (it is resent after recovery), and as applied if it gave something up (an
     * unlock or a down-conversion): the dead master may already have granted others on the strength of it.
     */
    private RecoveryLocks.Entry entryOf(OwnerLock l) {
        LockMode granted = l.granted;
        boolean sentUnanswered = l.opState == OwnerLock.OpState.SENT;
        if (sentUnanswered && l.op == OwnerLock.Op.UNLOCK) {
            orphanedOps.add(l.id);
            return null;
        }
        if (sentUnanswered && l.op == OwnerLock.Op.CONVERT && granted != null
                && l.requested.ordinal() < granted.ordinal() && granted.compatibleWith(l.requested)) {
            orphanedOps.add(l.id);
            granted = l.requested;
        }
        if (granted == null && l.opState != OwnerLock.OpState.QUEUED) {
            return null;
        }
        Queue q;
        LockMode requested = null;
        if (l.opState == OwnerLock.OpState.QUEUED) {
            q = l.op == OwnerLock.Op.REQUEST ? Queue.WAITING : Queue.CONVERTING;
            requested = l.requested;
        } else {
            q = Queue.GRANTED;
        }
        return new RecoveryLocks.Entry(l.id.lkid(), l.holder, granted, requested, q, l.seq, l.valblk);
    }

    void adopt(int src, RecoveryLocks msg) {
        Adoption a = adoptions.computeIfAbsent(msg.name(), k -> new Adoption());
        a.owners.add(src);
        for (RecoveryLocks.Entry e : msg.locks()) {
            LockId id = new LockId(src, e.lkid());
            a.locks.put(id, MasterLock.recovered(id, e.holder(), e.granted(), e.requested(), e.queue(), e.seq(),
                    e.valblk()));
        }
        if (msg.lvb() != null) {
            a.copies.put(src, new ResourceState.RecoveredValueBlock(msg.lvb(), msg.lvbSeq(), msg.lvbValid(),
                    msg.lvbHeldMode() == null ? LockMode.NL : msg.lvbHeldMode()));
        } else if (msg.lvbHeldMode() != null) {
            a.copies.put(src, new ResourceState.RecoveredValueBlock(new byte[0], 0, true, msg.lvbHeldMode()));
        }
    }

    /** Step 3: adopt remastered resources, point the owner cache at new masters, settle orphaned operations. */
    void adoptAndCommit(Deliveries d) {
        MasterSide m = ls.master;
        lastAdopted = Set.copyOf(adoptions.keySet());
        for (Map.Entry<ResourceName, Adoption> e : adoptions.entrySet()) {
            ResourceState r = m.resources.get(e.getKey());
            List<MasterLock> locks = new ArrayList<>(e.getValue().locks.values());
            locks.sort(Comparator.comparingLong(MasterLock::seq));
            if (r == null || r.isEmpty()) {
                r = m.ensureResource(e.getKey());
                r.adopt(locks, e.getValue().copies.values());
            } else {
                // mastered here already (adopted by an earlier attempt this node completed): owners' truth wins
                for (MasterLock old : r.readopt(locks, e.getValue().owners)) {
                    m.forget(old.id());
                }
            }
            for (MasterLock l : locks) {
                m.locks.put(l.id(), l);
                m.lockResource.put(l.id(), r);
            }
            m.directory.put(e.getKey(), ls.node.selfId());
            m.toss.used(e.getKey());
        }
        adoptions.clear();
        for (LockspaceImpl.OwnerResource r : ls.cache.values()) {
            if (r.master < 0) {
                r.master = remastered.getOrDefault(r.name, LockspaceImpl.UNKNOWN);
            }
        }
        remastered.clear();
        for (LockId id : orphanedOps) {
            OwnerLock l = ls.own.get(id.lkid());
            if (l == null) {
                continue;
            }
            if (l.op == OwnerLock.Op.UNLOCK) {
                ls.ownerUnlocked(id.lkid(), d);
            } else if (l.op == OwnerLock.Op.CONVERT) {
                l.granted = l.requested;
                l.requested = null;
                l.op = OwnerLock.Op.NONE;
                l.opState = null;
                var f = l.opFuture;
                l.opFuture = null;
                LockResult result = new LockResult(LockStatus.GRANTED, l.granted, l.valueBlock, false);
                l.publish(f, result);
                d.complete(f, result);
            }
        }
        orphanedOps.clear();
    }

    /** Step 4: running again; grant in queue order, then send every held-back operation in the order it was asked. */
    void resume(long epoch, Deliveries d) {
        ls.running = true;
        ls.master.grantAll(d);
        for (OwnerLock l : ls.own.values()) {
            l.cancelSent = false; // any cancel still unanswered was dropped or went to a dead master
        }
        List<OwnerLock> todo = new ArrayList<>(ls.unsent.values());
        ls.unsent.clear();
        for (LockspaceImpl.OwnerResource r : ls.cache.values()) {
            todo.addAll(r.waiting);
            r.waiting.clear();
        }
        for (OwnerLock l : ls.own.values()) {
            if (l.opState == OwnerLock.OpState.SENT) {
                todo.add(l);
            }
        }
        todo.sort(Comparator.comparingLong(l -> l.id.lkid()));
        for (OwnerLock l : todo) {
            ls.dispatch(l, d);
        }
        for (OwnerLock l : ls.own.values()) {
            if (l.opState == OwnerLock.OpState.QUEUED && l.cancelFuture != null && !l.cancelSent) {
                ls.sendCancel(l, d);
            }
        }
        List<LockspaceImpl.Buffered> replay = new ArrayList<>(ls.buffered);
        ls.buffered.clear();
        for (LockspaceImpl.Buffered b : replay) {
            if (b.epoch() == epoch) {
                LockMessages.apply(ls, b.src(), b.message(), d);
            }
        }
    }
}
