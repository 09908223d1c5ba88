package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gfspnfs.dlm.api.query.LockInfo;
import org.gfspnfs.dlm.api.query.LockspaceSnapshot;
import org.gfspnfs.dlm.api.query.ResourceInfo;
import org.gfspnfs.dlm.lock.MasterLock;
import org.gfspnfs.dlm.lock.ResourceState;

/** Builds the query records of a lockspace (called under its mutex). */
final class Snapshots {
    private Snapshots() {
    }

    static LockspaceSnapshot of(LockspaceImpl ls) {
        List<ResourceInfo> mastered = new ArrayList<>();
        for (ResourceState r : ls.master.resources.values()) {
            int dir = ls.running ? ls.node.directoryNode(r.name()) : -1;
            mastered.add(new ResourceInfo(r.name().toString(), ls.node.selfId(), dir, r.valueBlock(),
                    infos(r.grantQueue()), infos(r.convertQueue()), infos(r.waitQueue())));
        }
        mastered.sort(Comparator.comparing(ResourceInfo::name));
        List<LockInfo> own = new ArrayList<>();
        for (OwnerLock l : ls.own.values()) {
            String where = l.op == OwnerLock.Op.NONE ? "GRANTED" : l.op + "/" + l.opState;
            own.add(new LockInfo(l.id, l.holder, l.granted, l.requested, where));
        }
        own.sort(Comparator.comparingLong(i -> i.id().lkid()));
        return new LockspaceSnapshot(ls.name(), mastered, ls.master.directory.size(), own);
    }

    private static List<LockInfo> infos(List<MasterLock> q) {
        return q.stream().map(l -> new LockInfo(l.id(), l.holder(), l.granted(), l.requested(), l.queue().name()))
                .toList();
    }
}
