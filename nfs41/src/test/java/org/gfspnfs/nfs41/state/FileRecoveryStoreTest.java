package org.gfspnfs.nfs41.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRecoveryStoreTest {
    @TempDir
    Path dir;

    @Test
    void clientsRecordedBeforeARestart_areThereAfterIt() throws Exception {
        Path f = dir.resolve("clients");
        FileRecoveryStore before = new FileRecoveryStore(f);
        before.add("aa01");
        before.add("bb02");
        before.remove("aa01");
        assertThat(new FileRecoveryStore(f).load()).containsExactly("bb02");
    }
}
