package org.gfspnfs.nfs41.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;

/**
 * A READ result whose buffer goes back to a pool: the engine first measures the reply (XdrSizer), then the
 * transport encodes it without a copy and disposes it once written. Only that disposal may give the buffer back;
 * given back any earlier, the next READ would overwrite bytes still waiting for the socket.
 */
class Read4ResReturnTest {

    @Test
    void aPooledBuffer_goesBackOnlyWhenTheTransportDisposesTheWrittenReply_notWhenTheReplyIsMeasured() throws Exception {
        AtomicInteger returned = new AtomicInteger();
        ByteBuffer data = ByteBuffer.allocateDirect(256 * 1024);
        Read4Res res = new Read4Res(false, data, returned::incrementAndGet);

        XdrSizer.sizeOf(res);
        assertThat(returned).as("measuring the reply").hasValue(0);

        Xdr xdr = new Xdr(1024);
        xdr.beginEncoding();
        res.xdrEncode(xdr);
        xdr.endEncoding();
        assertThat(returned).as("encoded, not yet written").hasValue(0);

        xdr.asBuffer().tryDispose();
        assertThat(returned).as("the transport disposed the written reply").hasValue(1);
        xdr.asBuffer().tryDispose();
        assertThat(returned).as("once only").hasValue(1);
    }

    @Test
    void aSmallPooledResult_isCopiedIntoTheReply_andGoesBackAtOnce() throws Exception {
        AtomicInteger returned = new AtomicInteger();
        Read4Res res = new Read4Res(true, ByteBuffer.allocateDirect(4096), returned::incrementAndGet);
        Xdr xdr = new Xdr(1024);
        xdr.beginEncoding();
        res.xdrEncode(xdr);
        xdr.endEncoding();
        assertThat(returned).hasValue(1);
    }
}
