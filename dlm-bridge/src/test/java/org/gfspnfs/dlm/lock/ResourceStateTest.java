package org.gfspnfs.dlm.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.dlm.api.LockId;
import org.gfspnfs.dlm.api.LockMode;
import org.gfspnfs.dlm.api.LockValueBlock;
import org.gfspnfs.dlm.api.ResourceName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.gfspnfs.dlm.api.LockMode.*;

class ResourceStateTest {
    private final ResourceState r = new ResourceState(ResourceName.of("res"));
    private final Recorder sink = new Recorder();
    private long ids;

    private MasterLock lock() {
        return new MasterLock(new LockId(1, ++ids), ids);
    }

    private MasterLock granted(LockMode mode) {
        MasterLock l = lock();
        assertThat(r.request(l, mode, false, false, sink).kind()).isEqualTo(Outcome.Kind.GRANTED);
        return l;
    }

    /** The VMS matrix, row = held, column = requested; 1 = granted at once. */
    @ParameterizedTest(name = "held {0}: NL CR CW PR PW EX -> {1}")
    @CsvSource({
            "NL, 111111",
            "CR, 111110",
            "CW, 111000",
            "PR, 110100",
            "PW, 110000",
            "EX, 100000"})
    void secondRequest_isGrantedExactlyWhenTheMatrixSaysCompatible(LockMode held, String row) {
        for (LockMode asked : LockMode.values()) {
            ResourceState res = new ResourceState(ResourceName.of("m"));
            MasterLock h = lock();
            res.request(h, held, false, false, sink);
            Outcome o = res.request(lock(), asked, true, false, sink);
            boolean expected = row.charAt(asked.ordinal()) == '1';
            assertThat(o.kind()).as("%s held, %s asked", held, asked)
                    .isEqualTo(expected ? Outcome.Kind.GRANTED : Outcome.Kind.WOULD_BLOCK);
            assertThat(held.compatibleWith(asked)).isEqualTo(asked.compatibleWith(held));
        }
    }

    @Test
    void waiters_areGrantedInArrivalOrder_evenWhenALaterOneIsCompatible() {
        MasterLock ex = granted(EX);
        MasterLock w1 = lock();
        MasterLock w2 = lock();
        MasterLock w3 = lock();
        assertThat(r.request(w1, PW, false, false, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
        assertThat(r.request(w2, PW, false, false, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
        assertThat(r.request(w3, CR, false, false, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
        r.unlock(ex, null, sink);
        // w1 (PW) granted, then w2 (PW) is blocked by w1 and w3 (CR) must not pass it
        assertThat(sink.grants).containsExactly(w1);
        assertThat(r.waitQueue()).containsExactly(w2, w3);
        r.unlock(w1, null, sink);
        assertThat(sink.grants).containsExactly(w1, w2, w3);
    }

    @Test
    void newRequest_compatibleWithHolders_stillQueuesBehindAWaiter() {
        granted(PR);
        MasterLock exWaiter = lock();
        r.request(exWaiter, EX, false, false, sink);
        MasterLock pr = lock();
        assertThat(r.request(pr, PR, false, false, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
    }

    @Test
    void noqueue_failsAtOnce_andLeavesNothingQueued() {
        granted(EX);
        MasterLock l = lock();
        assertThat(r.request(l, CR, true, false, sink).kind()).isEqualTo(Outcome.Kind.WOULD_BLOCK);
        assertThat(r.waitQueue()).isEmpty();
        assertThat(sink.basts).isEmpty();
    }

    @Test
    void upConversion_blocked_queuesOnConvertQueue_andIsGrantedBeforeWaiters() {
        MasterLock a = granted(PR);
        MasterLock b = granted(PR);
        MasterLock waiter = lock();
        r.request(waiter, CR, false, false, sink);     // compatible but there is nothing queued: granted
        assertThat(waiter.queue()).isEqualTo(Queue.GRANTED);
        assertThat(r.convert(a, EX, false, false, false, false, null, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
        MasterLock late = lock();
        r.request(late, PR, false, false, sink);
        assertThat(r.convertQueue()).containsExactly(a);
        r.unlock(b, null, sink);
        r.unlock(waiter, null, sink);
        assertThat(sink.grants).containsExactly(a);
        assertThat(a.granted()).isEqualTo(EX);
        r.convert(a, NL, false, false, false, false, null, sink);
        assertThat(sink.grants).containsExactly(a, late);
    }

    @Test
    void downConversion_isGrantedAtOnce_andReleasesWaiters() {
        MasterLock ex = granted(EX);
        MasterLock w = lock();
        r.request(w, PR, false, false, sink);
        assertThat(r.convert(ex, PR, false, false, false, false, null, sink).kind()).isEqualTo(Outcome.Kind.GRANTED);
        assertThat(sink.grants).containsExactly(w);
    }

    @Test
    void conversion_withoutQuecvt_passesQueuedConversions_withQuecvtItQueuesBehind() {
        MasterLock a = granted(CR);
        MasterLock b = granted(CR);
        MasterLock c = granted(PR);
        r.convert(a, EX, false, false, false, false, null, sink);      // queued: blocked by b, c
        assertThat(r.convert(b, PR, false, false, false, false, null, sink).kind())
                .isEqualTo(Outcome.Kind.GRANTED);                         // passes a
        assertThat(r.convert(c, CR, false, true, false, false, null, sink).kind())
                .isEqualTo(Outcome.Kind.QUEUED);                          // QUECVT: behind a
        assertThat(r.convertQueue()).containsExactly(a, c);
    }

    @Test
    void conversionDeadlock_withoutConvdeadlk_failsTheSecondConversion_keepingItsMode() {
        MasterLock a = granted(PR);
        MasterLock b = granted(PR);
        r.convert(a, EX, false, false, false, false, null, sink);
        assertThat(r.convert(b, EX, false, false, false, false, null, sink).kind()).isEqualTo(Outcome.Kind.DEADLOCK);
        assertThat(b.granted()).isEqualTo(PR);
        assertThat(b.queue()).isEqualTo(Queue.GRANTED);
    }

    @Test
    void conversionDeadlock_withConvdeadlk_demotesToNl_andTheOtherConversionIsGranted() {
        MasterLock a = granted(PR);
        MasterLock b = granted(PR);
        r.convert(a, EX, false, false, false, false, null, sink);
        Outcome o = r.convert(b, EX, false, false, true, false, null, sink);
        assertThat(o.kind()).isEqualTo(Outcome.Kind.QUEUED);
        assertThat(o.demoted()).isTrue();
        assertThat(b.granted()).isEqualTo(NL);
        assertThat(sink.grants).containsExactly(a);
        r.unlock(a, null, sink);
        assertThat(sink.grants).containsExactly(a, b);
        assertThat(b.granted()).isEqualTo(EX);
    }

    @Test
    void blockingCallback_goesOncePerBlockingRequest_toEachIncompatibleHolder_neverToTheRequester() {
        MasterLock h1 = granted(PR);
        MasterLock h2 = granted(PR);
        MasterLock nl = granted(NL);
        MasterLock conv = h1;
        r.convert(conv, EX, false, false, false, false, null, sink);   // blocked by h2 only
        assertThat(sink.basts).containsExactly("" + h2.id() + "<-EX");
        MasterLock w = lock();
        r.request(w, PW, false, false, sink);                          // blocked by h1(PR), h2(PR)
        r.grantPending(sink);                                          // re-evaluation sends nothing twice
        assertThat(sink.basts).containsExactlyInAnyOrder(
                "" + h2.id() + "<-EX", "" + h1.id() + "<-PW", "" + h2.id() + "<-PW");
        assertThat(sink.basts).noneMatch(s -> s.startsWith(nl.id().toString()));
    }

    @Test
    void valueBlock_writtenOnDownConversionFromExOrPw_returnedOnGrant() {
        MasterLock w = lock();
        r.request(w, EX, false, true, sink);
        r.convert(w, NL, false, false, false, true, new byte[]{7}, sink);
        MasterLock reader = lock();
        Outcome o = r.request(reader, PR, false, true, sink);
        assertThat(o.valueBlock()).isEqualTo(new LockValueBlock(new byte[]{7}, true));
        // a PR holder cannot write it
        r.convert(reader, NL, false, false, false, true, new byte[]{9}, sink);
        assertThat(r.valueBlock().value()).containsExactly(7);
        // unlock from PW writes
        MasterLock pw = lock();
        r.request(pw, PW, false, true, sink);
        r.unlock(pw, new byte[]{3, 4}, sink);
        assertThat(r.valueBlock().value()).containsExactly(3, 4);
    }

    @Test
    void valueBlock_invalidWhenThePwHolderIsPurged_validAgainAfterTheNextWrite() {
        MasterLock dead = lock();
        r.request(dead, PW, false, true, sink);
        MasterLock cr = granted(CR);
        r.purge(l -> l == dead);
        assertThat(r.valueBlock().valid()).isFalse();
        assertThat(r.grantQueue()).containsExactly(cr);
        MasterLock ex = lock();
        assertThat(r.request(ex, EX, false, true, sink).kind()).isEqualTo(Outcome.Kind.QUEUED);
        r.unlock(cr, null, sink);
        assertThat(sink.grantLvbs.get(0).valid()).isFalse();
        r.convert(ex, NL, false, false, false, true, new byte[]{1}, sink);
        assertThat(r.valueBlock().valid()).isTrue();
    }

    @Test
    void cancel_ofWaitingRequest_removesIt_ofConversion_restoresGrantedMode() {
        MasterLock ex = granted(EX);
        MasterLock w = lock();
        r.request(w, EX, false, false, sink);
        assertThat(r.cancel(w, sink)).isTrue();
        assertThat(r.waitQueue()).isEmpty();
        MasterLock pr = lock();
        r.convert(ex, PR, false, false, false, false, null, sink);
        r.request(pr, PR, false, false, sink);
        r.convert(ex, EX, false, false, false, false, null, sink);
        assertThat(r.cancel(ex, sink)).isTrue();
        assertThat(ex.granted()).isEqualTo(PR);
        assertThat(ex.queue()).isEqualTo(Queue.GRANTED);
        assertThat(r.cancel(ex, sink)).isFalse();
    }

    @Test
    void unlock_ofQueuedLock_isRejected() {
        granted(EX);
        MasterLock w = lock();
        r.request(w, EX, false, false, sink);
        assertThatThrownBy(() -> r.unlock(w, null, sink)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void adopt_restoresQueueOrderFromStamps_andValueBlockFromNewestCopy() {
        MasterLock g = MasterLock.recovered(new LockId(2, 1), 0, PR, null, Queue.GRANTED, 0, true);
        MasterLock w2 = MasterLock.recovered(new LockId(3, 1), 0, null, EX, Queue.WAITING, 12, true);
        MasterLock w1 = MasterLock.recovered(new LockId(2, 2), 0, null, EX, Queue.WAITING, 11, true);
        r.adopt(List.of(g, w2, w1), List.of(
                new ResourceState.RecoveredValueBlock(new byte[]{1}, 4, true, PR),
                new ResourceState.RecoveredValueBlock(new byte[]{2}, 5, true, PR)));
        assertThat(r.waitQueue()).containsExactly(w1, w2);
        assertThat(r.valueBlock()).isEqualTo(new LockValueBlock(new byte[]{2}, true));
        ResourceState onlyNl = new ResourceState(ResourceName.of("x"));
        onlyNl.adopt(List.of(), List.of(new ResourceState.RecoveredValueBlock(new byte[]{1}, 4, true, NL)));
        assertThat(onlyNl.valueBlock().valid()).isFalse();
    }

    static final class Recorder implements GrantSink {
        final List<MasterLock> grants = new ArrayList<>();
        final List<LockValueBlock> grantLvbs = new ArrayList<>();
        final List<String> basts = new ArrayList<>();

        @Override
        public void granted(MasterLock lock, LockValueBlock valueBlock, boolean demoted) {
            grants.add(lock);
            grantLvbs.add(valueBlock);
        }

        @Override
        public void blocking(MasterLock holder, LockMode mode, MasterLock requester) {
            basts.add(holder.id() + "<-" + mode);
        }
    }
}
