package org.gfspnfs.ds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.control.api.Revocation;
import org.gfspnfs.control.api.StateidVerdict;
import org.gfspnfs.control.client.NodeCallException;
import org.gfspnfs.control.client.StateidVerdictCache;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.status.DelayException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NfsStat;
import org.junit.jupiter.api.Test;

/** The data server's side of stateid validation over the control channel's verdict cache. */
class VerdictStateidValidatorTest {
    private static final byte[] FH = {1, 2, 3};
    private static final StateId SID = new StateId(5, 42, 1);

    @Test
    void everyRefusal_becomesTheStatusTheRfcNames() {
        assertStatus(StateidVerdict.Verdict.BAD_STATEID, NfsStat.NFS4ERR_BAD_STATEID);
        assertStatus(StateidVerdict.Verdict.WRONG_FILE, NfsStat.NFS4ERR_BAD_STATEID);
        assertStatus(StateidVerdict.Verdict.OLD_STATEID, NfsStat.NFS4ERR_OLD_STATEID);
        assertStatus(StateidVerdict.Verdict.EXPIRED, NfsStat.NFS4ERR_EXPIRED);
        assertStatus(StateidVerdict.Verdict.ADMIN_REVOKED, NfsStat.NFS4ERR_ADMIN_REVOKED);
        assertStatus(StateidVerdict.Verdict.ACCESS_DENIED, NfsStat.NFS4ERR_OPENMODE);
    }

    @Test
    void mdsUnreachable_isDelay_soTheClientRetries() {
        VerdictStateidValidator v = new VerdictStateidValidator(new StateidVerdictCache(q -> {
            throw new NodeCallException(NodeCallException.Kind.UNREACHABLE, "down", null);
        }, Clock.systemUTC(), 16));
        assertThatThrownBy(() -> v.validate(FH, SID, true)).isInstanceOf(DelayException.class);
    }

    @Test
    void cachedValidAnswer_isDroppedByARevocation() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        StateidVerdict.Verdict[] answer = {StateidVerdict.Verdict.VALID};
        StateidVerdictCache cache = new StateidVerdictCache(q -> {
            asked.incrementAndGet();
            return new StateidVerdict(answer[0], Duration.ofMinutes(1), 7);
        }, Clock.systemUTC(), 16);
        VerdictStateidValidator v = new VerdictStateidValidator(cache);
        v.validate(FH, SID, true);
        v.validate(FH, SID, true);
        assertThat(asked).as("the second answer came from the cache").hasValue(1);

        answer[0] = StateidVerdict.Verdict.ADMIN_REVOKED;
        cache.revoked(Revocation.client(7));
        assertThatThrownBy(() -> v.validate(FH, SID, true)).isInstanceOfSatisfying(NfsException.class,
                e -> assertThat(e.status()).isEqualTo(NfsStat.NFS4ERR_ADMIN_REVOKED));
    }

    private static void assertStatus(StateidVerdict.Verdict verdict, int status) {
        VerdictStateidValidator v = new VerdictStateidValidator(new StateidVerdictCache(
                q -> new StateidVerdict(verdict, Duration.ZERO, 7), Clock.systemUTC(), 16));
        assertThatThrownBy(() -> v.validate(FH, SID, false)).as(verdict.name())
                .isInstanceOfSatisfying(NfsException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
