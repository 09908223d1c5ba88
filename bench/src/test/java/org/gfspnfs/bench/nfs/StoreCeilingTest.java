package org.gfspnfs.bench.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCeilingTest {
    @TempDir
    Path dir;

    @Test
    void everyByteSent_isStored_andTheFileIsGoneAfterwards() throws IOException {
        Metric m = StoreCeiling.measure(Duration.ofMillis(300), 2, 8L << 20, dir);

        assertThat(m.name()).isEqualTo("store-ceiling");
        assertThat(m.streams()).isEqualTo(2);
        assertThat(m.ops()).isPositive();
        assertThat(m.bytes()).as("each 1 MiB sent was received and written").isEqualTo(m.ops() << 20);
        assertThat(m.mbPerSecond()).isPositive();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aStoreDirThatIsNotADirectory_isRefusedByName() {
        Path missing = dir.resolve("no-such-dir");
        assertThatThrownBy(() -> LoadGenOptions.parse(new String[] {"--server", "127.0.0.1:1", "--store-dir",
            missing.toString()})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--store-dir " + missing + " is not a directory");
    }
}
