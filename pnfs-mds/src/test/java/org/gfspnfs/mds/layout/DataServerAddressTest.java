package org.gfspnfs.mds.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GETDEVICEINFO addresses: universal addresses (RFC 5665 section 5.2.3) of literal IPs. */
class DataServerAddressTest {
    @Test
    void ipv4_universalAddress_carriesThePortInTwoOctets() {
        var na = new DataServerAddress("n1", "192.168.1.20", 20049).netAddr();
        assertThat(na.netid).isEqualTo("tcp");
        assertThat(na.addr).isEqualTo("192.168.1.20.78.81");
    }

    @Test
    void ipv6_isTcp6() {
        var na = new DataServerAddress("n1", "::1", 2049).netAddr();
        assertThat(na.netid).isEqualTo("tcp6");
        assertThat(na.addr).endsWith(".8.1");
    }

    @Test
    void aHostName_isRefused_unlessResolvedFirst() throws Exception {
        assertThatThrownBy(() -> new DataServerAddress("n1", "deadbeef.example", 2049))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DataServerAddress.resolve("n1", "localhost", 2049).netAddr().addr).endsWith(".8.1");
    }
}
