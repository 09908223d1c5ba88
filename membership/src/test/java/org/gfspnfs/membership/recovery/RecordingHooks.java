package org.gfspnfs.membership.recovery;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gfspnfs.membership.api.Member;
import org.gfspnfs.membership.api.ViewSnapshot;

/** Hooks that remember what was called, and check the gate DLM recovery relies on. */
final class RecordingHooks implements RecoveryHooks {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<ViewSnapshot> lockRecoveryViews = new CopyOnWriteArrayList<>();

    @Override
    public void stop(ViewSnapshot view) {
        calls.add("stop");
    }

    @Override
    public void recoverLocks(ViewSnapshot view, Set<Member> lost) {
        lockRecoveryViews.add(view);
        calls.add("locks " + lost.stream().map(Member::nodeId).sorted().toList());
    }

    @Override
    public void recoverJournal(ViewSnapshot view, Member lost) {
        calls.add("journal " + lost.nodeId());
    }

    @Override
    public void recoverPnfs(ViewSnapshot view, Member lost) {
        calls.add("pnfs " + lost.nodeId());
    }

    @Override
    public void resume(ViewSnapshot view) {
        calls.add("resume");
    }
}
