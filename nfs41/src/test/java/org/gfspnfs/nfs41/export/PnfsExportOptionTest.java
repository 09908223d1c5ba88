package org.gfspnfs.nfs41.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** The {@code pnfs=} export option: which layout type an export hands out, per client pattern as exports(5). */
class PnfsExportOptionTest {
    private final ExportsParser parser = new ExportsParser();

    @Test
    void pnfsOption_choosesTheLayoutTypePerClientPattern_filesByDefault() throws Exception {
        ExportTable t = parser.parse("""
                /flex 10.0.0.0/8(rw,pnfs=flexfiles) *(rw)
                /plain *(rw,pnfs=none)
                /old *(rw,no_pnfs)
                /files *(rw,pnfs=files)
                /bare *(rw,pnfs)
                """, "exports");
        assertThat(mode(t, 0, "10.1.2.3")).isEqualTo(PnfsMode.FLEX_FILES);
        assertThat(mode(t, 0, "192.168.1.1")).as("default").isEqualTo(PnfsMode.FILES);
        assertThat(mode(t, 1, "127.0.0.1")).isEqualTo(PnfsMode.NONE);
        assertThat(mode(t, 2, "127.0.0.1")).isEqualTo(PnfsMode.NONE);
        assertThat(mode(t, 3, "127.0.0.1")).isEqualTo(PnfsMode.FILES);
        assertThat(mode(t, 4, "127.0.0.1")).isEqualTo(PnfsMode.FILES);
        assertThat(PnfsMode.FLEX_FILES.layoutType()).isEqualTo(4);
    }

    @Test
    void pnfsOption_unknownType_isRejectedWithItsName() {
        assertThatThrownBy(() -> parser.parse("/x *(rw,pnfs=blocks)\n", "exports"))
                .hasMessageContaining("pnfs=blocks");
    }

    private static PnfsMode mode(ExportTable t, int index, String client) throws Exception {
        return t.exports().get(index).optionsFor(InetAddress.getByName(client)).orElseThrow().pnfs();
    }
}
