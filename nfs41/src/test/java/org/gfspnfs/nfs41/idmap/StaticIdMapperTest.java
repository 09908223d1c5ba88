package org.gfspnfs.nfs41.idmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.gfspnfs.nfs41.status.BadOwnerException;
import org.junit.jupiter.api.Test;

class StaticIdMapperTest {
    private final StaticIdMapper named = new StaticIdMapper("example.org", false, Map.of("alice", 1000),
            Map.of("staff", 50));

    @Test
    void numericStrings_mapBothWays() throws Exception {
        StaticIdMapper m = StaticIdMapper.numeric("example.org");
        assertThat(m.ownerToUid("1000")).isEqualTo(1000);
        assertThat(m.uidToOwner(1000)).isEqualTo("1000");
        assertThat(m.ownerToUid("4294967294")).isEqualTo(-2);
        assertThat(m.uidToOwner(-2)).isEqualTo("4294967294");
    }

    @Test
    void userAtDomain_mapsKnownNames_andRejectsOthers() throws Exception {
        assertThat(named.ownerToUid("alice@example.org")).isEqualTo(1000);
        assertThat(named.ownerToUid("alice@EXAMPLE.org")).isEqualTo(1000);
        assertThat(named.uidToOwner(1000)).isEqualTo("alice@example.org");
        assertThat(named.gidToGroup(50)).isEqualTo("staff@example.org");
        assertThat(named.uidToOwner(7)).isEqualTo("7");
        assertThatThrownBy(() -> named.ownerToUid("bob@example.org")).isInstanceOf(BadOwnerException.class);
        assertThatThrownBy(() -> named.ownerToUid("alice@other.org")).isInstanceOf(BadOwnerException.class);
        assertThatThrownBy(() -> named.ownerToUid("99999999999")).isInstanceOf(BadOwnerException.class);
    }
}
