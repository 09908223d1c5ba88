package org.gfspnfs.nfs41.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.gfspnfs.nfs41.xdr.PreEncoded;
import org.gfspnfs.nfs41.xdr.XdrByteWriter;
import org.gfspnfs.nfs41.xdr.XdrBytes;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.memory.HeapMemoryManager;
import org.glassfish.grizzly.memory.MemoryManager;
import org.junit.jupiter.api.Test;

/** The reply side of a received call: what oncrpc4j sends is the reply encoded, whichever way its parts went in. */
class ReceivedXdrTest {
    private final SlabPool pool = new SlabPool(64 << 10, 64 << 10, 4, 4);
    private final MemoryManager memory = new HeapMemoryManager();

    @Test
    void bytesAppendedByReference_areSentBetweenWhatCameBeforeAndAfter() throws Exception {
        ReceivedXdr xdr = received();
        xdr.beginEncoding();
        xdr.xdrEncodeInt(7);
        byte[] shared = ByteBuffer.allocate(12).putInt(1).putLong(2).array();
        xdr.appendShallow(shared, 12);
        xdr.xdrEncodeInt(9);
        xdr.endEncoding();

        assertThat(sent(xdr)).isEqualTo(ByteBuffer.allocate(20).putInt(7).putInt(1).putLong(2).putInt(9).array());
    }

    @Test
    void aPartialXdrItem_isRefused() throws Exception {
        ReceivedXdr xdr = received();
        xdr.beginEncoding();
        assertThatThrownBy(() -> xdr.appendShallow(new byte[6], 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultEncodedInAdvance_isSentAsItsBytes_andCanBeSentAgain() throws Exception {
        XdrByteWriter body = new XdrByteWriter(16);
        for (int i = 0; i < 5000; i++) {
            body.xdrEncodeBoolean(true);
            body.xdrEncodeLong(1000 + i);
            body.xdrEncodeString("name-" + i);
        }
        PreEncoded result = new PreEncoded(body);
        byte[] alone = XdrBytes.encode(result);
        assertThat(alone.length).isEqualTo(result.encodedSize());

        for (int replay = 0; replay < 2; replay++) {
            ReceivedXdr xdr = received();
            xdr.beginEncoding();
            xdr.xdrEncodeInt(0x55);
            result.xdrEncode(xdr);
            xdr.xdrEncodeInt(0x66);
            xdr.endEncoding();
            byte[] expected = ByteBuffer.allocate(alone.length + 8).putInt(0x55).put(alone).putInt(0x66).array();
            assertThat(sent(xdr)).as("sent %d times before", replay).isEqualTo(expected);
        }
    }

    private ReceivedXdr received() throws Exception {
        RecordAssembly assembly = new RecordAssembly(pool, 4096);
        ByteBuffer w = assembly.readWindow();
        w.putInt(8 | 0x80000000).putLong(42);
        assembly.received(12);
        ReceivedRecord r = assembly.next();
        return new ReceivedXdr(new ByteBufferWrapper(r.fragments().get(0)), memory, r);
    }

    private static byte[] sent(ReceivedXdr xdr) {
        Buffer b = xdr.asBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
