package org.gfspnfs.nfs41.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ReadBufferPoolTest {

    @Test
    void aBufferSentIsReused_andComesBackZeroed_soNoByteOfAnEarlierReplyShowsThrough() {
        ReadBufferPool pool = new ReadBufferPool(1 << 16, 4);
        ByteBuffer first = filledWith0x5a(pool.acquire(1 << 16));
        ReadResult r = pool.result(first, false);
        assertThat(r.onSent()).as("a pooled buffer goes back once sent").isNotNull();
        r.onSent().run();

        ByteBuffer again = pool.acquire(1000);
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(again.get(i)).as("byte %d of the reused buffer", i).isZero();
        }
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void aBufferToFill_keepsWhatWasThere_andZeroWritesExactlyTheRangeAsked() {
        ReadBufferPool pool = new ReadBufferPool(1 << 17, 4);
        ByteBuffer first = filledWith0x5a(pool.acquire(1 << 17));
        pool.result(first, false).onSent().run();

        ByteBuffer again = pool.acquireToFill(100_000);
        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(100_000);
        pool.zero(again, 7, 70_007);   // more than one zero chunk
        for (int i = 0; i < 100_000; i++) {
            assertThat(again.get(i)).as("byte %d", i).isEqualTo(i >= 7 && i < 70_007 ? (byte) 0 : (byte) 0x5a);
        }
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(100_000);
    }

    @Test
    void beyondItsBuffers_orItsSize_thePoolHandsOutHeapBuffers_andCreatesNoMore() {
        ReadBufferPool pool = new ReadBufferPool(4096, 2);
        ByteBuffer a = pool.acquire(4096);
        ByteBuffer b = pool.acquire(4096);
        ByteBuffer c = pool.acquire(4096);
        assertThat(a.isDirect()).isTrue();
        assertThat(b.isDirect()).isTrue();
        assertThat(c.isDirect()).as("the third while two are out").isFalse();
        assertThat(pool.result(c, true).onSent()).as("a heap buffer needs no return").isNull();
        assertThat(pool.acquire(8192).isDirect()).as("larger than the pool's buffers").isFalse();
        assertThat(pool.created()).isEqualTo(2);
    }

    /** Fills {@code b} as a READ would (every byte 0x5a) and flips it for sending. */
    private static ByteBuffer filledWith0x5a(ByteBuffer b) {
        while (b.hasRemaining()) {
            b.put((byte) 0x5a);
        }
        return b.flip();
    }
}
