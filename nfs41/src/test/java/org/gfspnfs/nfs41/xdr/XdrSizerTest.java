package org.gfspnfs.nfs41.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.junit.jupiter.api.Test;

/**
 * The executor checks reply limits (NFS4ERR_REP_TOO_BIG) with sizes counted by {@link XdrSizer}; a count that
 * differs from the real encoding would let a reply past the session's limit or refuse one that fits.
 */
class XdrSizerTest {
    private static void sameAsEncoding(XdrAble value) {
        assertThat(XdrSizer.sizeOf(value)).isEqualTo(XdrBytes.encode(value).length);
    }

    @Test
    void readResults_anyLength_countedAsEncoded() {
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 4095, 1 << 20}) {
            sameAsEncoding(new ResOp4(Op.READ, 0, new Read4Res(n % 2 == 0, new byte[n])));
            sameAsEncoding(new ResOp4(Op.READ, 0, new Read4Res(true, ByteBuffer.wrap(new byte[n + 7], 7, n))));
        }
    }

    @Test
    void readdirWithAttributesAndMultibyteNames_countedAsEncoded() {
        Readdir4Res r = new Readdir4Res();
        r.cookieVerf = new byte[8];
        for (String name : List.of("a", "ab", "abc", "abcd", "\u00e9t\u00e9", "\u65e5\u672c")) {
            r.entries.add(new Entry4(7, name.getBytes(StandardCharsets.UTF_8),
                    new Fattr4(new int[] {0x1a, 0x3}, new byte[name.length() * 3])));
        }
        r.eof = true;
        sameAsEncoding(new ResOp4(Op.READDIR, 0, r));
        assertThat(r.encodedSize()).as("the size READDIR reports itself").isEqualTo(XdrBytes.encode(r).length);
        r.entries.clear();
        assertThat(r.encodedSize()).as("no entries").isEqualTo(XdrBytes.encode(r).length);
    }

    @Test
    void sessionAndOpenResults_countedAsEncoded() {
        sameAsEncoding(new ResOp4(Op.SEQUENCE, 0, new Sequence4Res(new byte[16], 3, 1, 63, 63, 0)));
        Open4Res open = new Open4Res();
        open.stateid = new Stateid4(1, new byte[12]);
        open.cinfo = new ChangeInfo4(false, 1, 2);
        open.attrSet = new int[] {0x10};
        open.delegationType = Open4Res.OPEN_DELEGATE_NONE_EXT;
        open.whyNoDelegation = Open4Res.WND4_NOT_WANTED;
        sameAsEncoding(new ResOp4(Op.OPEN, 0, open));
        sameAsEncoding(new ResOp4(Op.OPEN, 10006, null));
    }
}
