package org.gfspnfs.nfs41.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.gfspnfs.nfs41.xdr.Entry4;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.Readdir4Res;
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
    void aReaddirReply_encodedIntoTheCallsStream_isTheSameBytesAsEncodedOnItsOwn() throws Exception {
        Readdir4Res res = new Readdir4Res();
        res.cookieVerf = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
        List<Entry4> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(new Entry4(1000 + i, ("name-" + i).getBytes(), new Fattr4(new int[] {0x1a, 0x30},
                    ByteBuffer.allocate(16).putLong(i).putLong(-i).array())));
        }
        res.entries = entries;
        res.eof = true;

        ReceivedXdr xdr = received();
        xdr.beginEncoding();
        xdr.xdrEncodeInt(0x55);
        res.xdrEncode(xdr);
        xdr.xdrEncodeInt(0x66);
        xdr.endEncoding();

        byte[] alone = XdrBytes.encode(res);
        assertThat(alone.length).isEqualTo(res.encodedSize());
        byte[] expected = ByteBuffer.allocate(alone.length + 8).putInt(0x55).put(alone).putInt(0x66).array();
        assertThat(sent(xdr)).isEqualTo(expected);
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
