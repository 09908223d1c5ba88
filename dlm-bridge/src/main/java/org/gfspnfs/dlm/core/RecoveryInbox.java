package org.gfspnfs.dlm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gfspnfs.dlm.net.msg.Message;
import org.gfspnfs.dlm.net.msg.RecoveryDone;
import org.gfspnfs.dlm.net.msg.RecoveryMarker;

/**
 * What the other members sent for their current attempts at recovery (Linux: the rcom status and buffers
 * dlm_recoverd collects, guarded there by the recover sequence number), one stream per sender.
 *
 * <p>The epoch id names a member set, and a member set can come back (a node joins and dies before the recovery
 * that includes it completes): two attempts at the same epoch must not mix. So every node numbers its own attempts,
 * a {@link RecoveryMarker} opens the sender's stream for one attempt (links are ordered: whatever the sender sent
 * before it belongs to an attempt it abandoned, and is dropped), and a stream counts for this node's barrier only
 * once its marker acknowledges this node's current attempt. Guarded by its own monitor, which is also what the
 * recovery thread waits on.
 */
final class RecoveryInbox {

    /** A recovery data message and its sender. */
    record Received(int src, Message message) { }

    /** One member's current attempt, as far as its messages have arrived. */
    private static final class Stream {
        final long epoch;
        final long incarnation;
        final long attempt;
        long ack;
        final Set<Integer> phases = new HashSet<>();
        final List<Message> data = new ArrayList<>();

        Stream(long epoch, long incarnation, long attempt, long ack) {
            this.epoch = epoch;
            this.incarnation = incarnation;
            this.attempt = attempt;
            this.ack = ack;
        }
    }

    private final Map<Integer, Stream> streams = new HashMap<>();

    /**
     * Records a marker. Returns true if it opens a newer attempt of {@code src} (its older stream is dropped); a
     * marker of the same attempt only renews the acknowledgement, and one of an older attempt of the same life (a
     * re-acknowledgement overtaken by a newer marker) is ignored.
     */
    synchronized boolean marker(int src, RecoveryMarker m) {
        Stream s = streams.get(src);
        notifyAll();
        if (s != null && s.incarnation != m.incarnation()) {
            s = null; // a new life of the node: its attempts count from the start again
        }
        if (s != null && m.attempt() < s.attempt) {
            return false;
        }
        if (s != null && m.attempt() == s.attempt) {
            s.ack = Math.max(s.ack, m.ack());
            return false;
        }
        streams.put(src, new Stream(m.epoch(), m.incarnation(), m.attempt(), m.ack()));
        return true;
    }

    /** Records that {@code src} finished a phase; ignored unless it belongs to src's current stream. */
    synchronized void done(int src, RecoveryDone d) {
        Stream s = streams.get(src);
        if (s != null && s.epoch == d.epoch() && s.attempt == d.attempt()) {
            s.phases.add(d.phase());
            notifyAll();
        }
    }

    /** Keeps a data message of {@code src}'s current stream (the one its marker opened for {@code epoch}). */
    synchronized void data(int src, long epoch, Message m) {
        Stream s = streams.get(src);
        if (s != null && s.epoch == epoch) {
            s.data.add(m);
            notifyAll();
        }
    }

    /** The attempt of {@code src}'s current stream if it is at {@code epoch}, else 0: what a marker acknowledges. */
    synchronized long attemptOf(int src, long epoch) {
        Stream s = streams.get(src);
        return s != null && s.epoch == epoch ? s.attempt : 0;
    }

    /**
     * True when every node of {@code others} runs an attempt at {@code epoch} that has seen {@code attempt} (barrier
     * 0) and, for {@code phase > 0}, has finished that phase in it.
     */
    synchronized boolean reached(Set<Integer> others, long epoch, long attempt, int phase) {
        for (int n : others) {
            Stream s = streams.get(n);
            if (s == null || s.epoch != epoch || s.ack != attempt || (phase > 0 && !s.phases.contains(phase))) {
                return false;
            }
        }
        return true;
    }

    /** The data messages of type {@code type} in the current streams of {@code from} at {@code epoch}. */
    synchronized List<Received> data(Set<Integer> from, long epoch, Class<? extends Message> type) {
        List<Received> out = new ArrayList<>();
        for (int n : from) {
            Stream s = streams.get(n);
            if (s != null && s.epoch == epoch) {
                for (Message m : s.data) {
                    if (type.isInstance(m)) {
                        out.add(new Received(n, m));
                    }
                }
            }
        }
        return out;
    }
}
