package org.gfspnfs.membership.recovery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.gfspnfs.membership.api.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The recovery log {@code gfsctl status} shows: the most recent {@value #HISTORY} step records, oldest first. */
final class RecoveryLog {
    private static final Logger LOG = LoggerFactory.getLogger(RecoverySequence.class);
    static final int HISTORY = 1024;

    private final Deque<StepRecord> records = new ArrayDeque<>();
    private long seq;

    /** Appends a record; {@code member} null means the whole view. */
    void record(RecoveryStep step, Member member, Instant time, StepOutcome outcome, String detail) {
        StepRecord rec;
        synchronized (this) {
            rec = new StepRecord(++seq, step, member == null ? 0 : member.nodeId(),
                    member == null ? "*" : member.name(), time, outcome, detail);
            records.addLast(rec);
            while (records.size() > HISTORY) {
                records.removeFirst();
            }
        }
        (outcome == StepOutcome.FAILED ? LOG.atWarn() : LOG.atInfo()).log("recovery {}", rec);
    }

    synchronized List<StepRecord> records() {
        return List.copyOf(records);
    }
}
