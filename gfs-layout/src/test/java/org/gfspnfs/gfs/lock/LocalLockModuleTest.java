package org.gfspnfs.gfs.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLockModuleTest {
    private static final LockName NAME = new LockName(LockType.INODE, 42);
    private static final EnumSet<LockFlag> NONE = EnumSet.noneOf(LockFlag.class);
    private final LocalLockModule module = new LocalLockModule();
    private final List<String> basts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        module.close();
    }

    private LockSession node(int slot) {
        return module.join("c:fs", slot, new BlockingCallback() {
            @Override
            public void blocking(LockName n, LockMode m) {
                basts.add(slot + ":" + n + ":" + m);
            }

            @Override
            public void recoveryNeeded(int dead) {
                basts.add("recovery:" + dead);
            }
        });
    }

    @Test
    void sharedHolders_coexist_exclusiveWaits_andHoldersGetBlockingCallbacks() throws Exception {
        LockSession a = node(0);
        LockSession b = node(1);
        LockSession c = node(2);
        assertThat(a.request(NAME, LockMode.SH, NONE, null).get().mode()).isEqualTo(LockMode.SH);
        assertThat(b.request(NAME, LockMode.SH, NONE, null).get().mode()).isEqualTo(LockMode.SH);
        CompletableFuture<LockGrant> ex = c.request(NAME, LockMode.EX, NONE, null);
        assertThat(ex).isNotDone();
        await().atMost(Duration.ofSeconds(5)).until(() -> basts.size() == 2);
        assertThat(basts).containsExactlyInAnyOrder("0:INODE:42:EX", "1:INODE:42:EX");
        a.request(NAME, LockMode.UN, NONE, null).get();
        assertThat(ex).isNotDone();
        b.request(NAME, LockMode.UN, NONE, null).get();
        assertThat(ex.get().mode()).isEqualTo(LockMode.EX);
    }

    @Test
    void grantsAreFifo_aLaterSharedRequestDoesNotOvertakeAWaitingExclusive() throws Exception {
        LockSession a = node(0);
        LockSession b = node(1);
        LockSession c = node(2);
        a.request(NAME, LockMode.SH, NONE, null).get();
        CompletableFuture<LockGrant> ex = b.request(NAME, LockMode.EX, NONE, null);
        CompletableFuture<LockGrant> sh = c.request(NAME, LockMode.SH, NONE, null);
        assertThat(sh).as("queued behind the exclusive waiter").isNotDone();
        a.request(NAME, LockMode.UN, NONE, null).get();
        assertThat(ex.get().mode()).isEqualTo(LockMode.EX);
        assertThat(sh).isNotDone();
        b.request(NAME, LockMode.UN, NONE, null).get();
        assertThat(sh.get().mode()).isEqualTo(LockMode.SH);
    }

    @Test
    void tryRequest_failsAtOnce_whenHeldIncompatibly() throws Exception {
        LockSession a = node(0);
        LockSession b = node(1);
        a.request(NAME, LockMode.EX, NONE, null).get();
        assertThatThrownBy(() -> b.request(NAME, LockMode.SH, EnumSet.of(LockFlag.TRY), null).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(LockUnavailableException.class);
    }

    @Test
    void valueBlock_travelsOnDownConversion_andIsInvalidAfterTheExclusiveHolderDies() throws Exception {
        LockSession a = node(0);
        LockSession b = node(1);
        byte[] lvb = new byte[LockModule.LVB_SIZE];
        lvb[0] = 7;
        a.request(NAME, LockMode.EX, NONE, null).get();
        a.request(NAME, LockMode.UN, NONE, lvb).get();
        LockGrant g = b.request(NAME, LockMode.SH, NONE, null).get();
        assertThat(g.lvb()[0]).isEqualTo((byte) 7);
        assertThat(g.lvbValid()).isTrue();
        b.request(NAME, LockMode.UN, NONE, null).get();

        a.request(NAME, LockMode.EX, NONE, null).get();
        a.close();
        CompletableFuture<LockGrant> after = b.request(NAME, LockMode.EX, NONE, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> basts.contains("recovery:0"));
        assertThat(after).as("a dead node's EX lock stays until its journal is replayed").isNotDone();
        b.recoveryDone(0);
        assertThat(after.get().lvbValid()).as("holder died in EX without writing the LVB").isFalse();
    }

    @Test
    void journalRecovery_passesTheDeadNodesLocks_withNoexp() throws Exception {
        LockSession a = node(0);
        LockSession b = node(1);
        LockName journal = new LockName(LockType.JOURNAL, 0);
        a.request(journal, LockMode.EX, NONE, null).get();
        a.request(NAME, LockMode.SH, NONE, null).get();
        a.close();
        assertThat(b.request(NAME, LockMode.EX, NONE, null).get().mode())
                .as("shared locks of a dead node go at once").isEqualTo(LockMode.EX);
        assertThatThrownBy(() -> b.request(journal, LockMode.EX, EnumSet.of(LockFlag.TRY), null).get())
                .hasCauseInstanceOf(LockUnavailableException.class);
        assertThat(b.request(journal, LockMode.EX, EnumSet.of(LockFlag.TRY, LockFlag.NOEXP), null).get().mode())
                .isEqualTo(LockMode.EX);
    }

    @Test
    void resourceName_matchesGfs2DlmNaming() {
        assertThat(new LockName(LockType.INODE, 0x1234).resourceName()).isEqualTo("       2            1234");
        for (LockType t : LockType.values()) {
            for (long n : new long[] {0, 1, 0xabcdef, 0x7fffffffffffffffL, -1L}) {
                assertThat(new LockName(t, n).resourceName()).isEqualTo(String.format("%8x%16x", t.code(), n));
            }
        }
        assertThat(new LockName(LockType.RGRP, 1).compareTo(new LockName(LockType.INODE, 99))).isPositive();
    }
}
