package org.gfspnfs.nfs41.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.gfspnfs.nfs41.vfs.Caller;
import org.junit.jupiter.api.Test;

class ExportsParserTest {
    private final ExportsParser parser = new ExportsParser();

    @Test
    void parsesHostsCidrsAndOptions_firstMatchingPatternWins() throws Exception {
        ExportTable t = parser.parse("""
                # comment
                /export  10.1.0.0/16(rw,no_root_squash) \\
                         192.168.1.7(ro,all_squash,anonuid=1000,anongid=100)   *(ro)
                /data    127.0.0.1(rw,sec=sys:none,fsid=7)
                """, "exports");
        assertThat(t.exports()).hasSize(2);
        Export e = t.exports().get(0);
        ExportOptions lan = e.optionsFor(InetAddress.getByName("10.1.200.3")).orElseThrow();
        assertThat(lan.readOnly()).isFalse();
        assertThat(lan.squash()).isEqualTo(Squash.NONE);
        ExportOptions host = e.optionsFor(InetAddress.getByName("192.168.1.7")).orElseThrow();
        assertThat(host.squash()).isEqualTo(Squash.ALL);
        assertThat(host.anonUid()).isEqualTo(1000);
        ExportOptions other = e.optionsFor(InetAddress.getByName("8.8.8.8")).orElseThrow();
        assertThat(other.readOnly()).isTrue();
        assertThat(other.squash()).isEqualTo(Squash.ROOT);
        Export data = t.exports().get(1);
        assertThat(data.id()).isEqualTo(7);
        assertThat(data.optionsFor(InetAddress.getByName("127.0.0.1")).orElseThrow().flavors()).containsExactly(1, 0);
        assertThat(data.optionsFor(InetAddress.getByName("127.0.0.2"))).isEmpty();
    }

    @Test
    void exportIdIsStableAcrossReorderingOfTheFile() {
        int a = parser.parse("/a *(ro)\n/b *(ro)\n", "x").exports().get(0).id();
        int a2 = parser.parse("/b *(ro)\n/a *(ro)\n", "x").exports().get(1).id();
        assertThat(a).isEqualTo(a2).isNotZero();
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> parser.parse("/ok *(ro)\n\n/bad *(rw,frobnicate)\n", "exports"))
                .hasMessageStartingWith("exports:3:").hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> parser.parse("relative *(ro)\n", "exports")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> parser.parse("/x 10.0.0.0/40(ro)\n", "exports")).hasMessageContaining("prefix");
    }

    @Test
    void squashing_mapsRootOrEveryoneToTheAnonymousIds() {
        ExportOptions root = new ExportOptions(false, Squash.ROOT, 65534, 65533, java.util.List.of(1));
        Caller r = root.squash(1, 0, 0, new int[] {0, 10});
        assertThat(r.uid()).isEqualTo(65534);
        assertThat(r.gid()).isEqualTo(65533);
        assertThat(r.inGroup(0)).isFalse();
        assertThat(root.squash(1, 500, 500, new int[0]).uid()).isEqualTo(500);
        ExportOptions all = new ExportOptions(false, Squash.ALL, 9, 9, java.util.List.of(1));
        assertThat(all.squash(1, 500, 500, new int[0]).uid()).isEqualTo(9);
        assertThat(root.squash(0, 0, 0, new int[0]).uid()).as("AUTH_NONE is anonymous").isEqualTo(65534);
    }

    @Test
    void ipv6CidrMatches() throws Exception {
        HostPattern p = HostPattern.parse("fd00::/8");
        assertThat(p.matches(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(p.matches(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(p.matches(InetAddress.getByName("10.0.0.1"))).isFalse();
    }
}
