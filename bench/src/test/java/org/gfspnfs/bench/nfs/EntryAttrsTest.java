package org.gfspnfs.bench.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.attr.Bitmaps;
import org.gfspnfs.nfs41.xdr.Fattr4;
import org.gfspnfs.nfs41.xdr.XdrByteWriter;
import org.junit.jupiter.api.Test;

/** The listing's attribute decoder: every value read, and anything that does not parse fails the run. */
class EntryAttrsTest {
    private final EntryAttrs attrs = new EntryAttrs();

    @Test
    void lsAttributes_decodeToTheirValues_andAnEntryReplacesTheOneBefore() throws IOException {
        attrs.decode(fattr(Bitmaps.of(AttrReader.LS_ATTRS), w -> {
            w.xdrEncodeInt(1);               // type: regular
            w.xdrEncodeLong(77);             // change
            w.xdrEncodeLong(4096);           // size
            w.xdrEncodeLong(123456789L);     // fileid
            w.xdrEncodeInt(0644);            // mode
            w.xdrEncodeInt(1);               // numlinks
            w.xdrEncodeString("1000");       // owner
            w.xdrEncodeString("users@x");    // owner_group
            w.xdrEncodeLong(8192);           // space_used
            for (int t = 0; t < 3; t++) {    // atime, ctime, mtime
                w.xdrEncodeLong(1_700_000_000L + t);
                w.xdrEncodeInt(999_999_999);
            }
        }));
        assertThat(attrs.get(Attr.TYPE)).isEqualTo(1);
        assertThat(attrs.get(Attr.SIZE)).isEqualTo(4096);
        assertThat(attrs.get(Attr.FILEID)).isEqualTo(123456789L);
        assertThat(attrs.get(Attr.MODE)).isEqualTo(0644);
        assertThat(attrs.get(Attr.TIME_MODIFY)).isEqualTo(1_700_000_002L);
        assertThat(attrs.has(Attr.OWNER_GROUP)).isTrue();

        attrs.decode(fattr(Bitmaps.of(Attr.TYPE), w -> w.xdrEncodeInt(2)));
        assertThat(attrs.get(Attr.TYPE)).isEqualTo(2);
        assertThat(attrs.has(Attr.SIZE)).as("not in the second entry").isFalse();
    }

    @Test
    void bytesLeftOver_missingBytes_badTimes_andAttributesNotAskedFor_fail() {
        assertThatThrownBy(() -> attrs.decode(fattr(Bitmaps.of(Attr.SIZE), w -> {
            w.xdrEncodeLong(1);
            w.xdrEncodeInt(0);
        }))).hasMessageContaining("bytes left");
        assertThatThrownBy(() -> attrs.decode(fattr(Bitmaps.of(Attr.SIZE, Attr.FILEID), w -> w.xdrEncodeLong(1))))
                .hasMessageContaining("early");
        assertThatThrownBy(() -> attrs.decode(fattr(Bitmaps.of(Attr.TIME_ACCESS), w -> {
            w.xdrEncodeLong(1);
            w.xdrEncodeInt(1_000_000_000);
        }))).hasMessageContaining("nseconds");
        assertThatThrownBy(() -> attrs.decode(fattr(Bitmaps.of(Attr.FSID), w -> {
            w.xdrEncodeLong(1);
            w.xdrEncodeLong(2);
        }))).hasMessageContaining("not asked for");
        assertThatThrownBy(() -> attrs.decode(fattr(Bitmaps.of(Attr.OWNER), w -> w.xdrEncodeInt(5000))))
                .hasMessageContaining("opaque of 5000");
    }

    @Test
    void namesOfTheCreatedFiles_giveTheirIndex_andOthersDoNot() {
        assertThat(MetadataWorkload.fileIndex("f0".getBytes())).isZero();
        assertThat(MetadataWorkload.fileIndex("f9999".getBytes())).isEqualTo(9999);
        assertThat(MetadataWorkload.fileIndex("f".getBytes())).isEqualTo(-1);
        assertThat(MetadataWorkload.fileIndex("f01".getBytes())).isEqualTo(-1);
        assertThat(MetadataWorkload.fileIndex("g1".getBytes())).isEqualTo(-1);
        assertThat(MetadataWorkload.fileIndex("f1x".getBytes())).isEqualTo(-1);
    }

    private interface Values {
        void write(XdrByteWriter w);
    }

    private static Fattr4 fattr(int[] mask, Values values) {
        XdrByteWriter w = new XdrByteWriter(64);
        values.write(w);
        return new Fattr4(mask, w.toByteArray());
    }
}
