package org.gfspnfs.node.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gfspnfs.node.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfspnfs dump DEVICE what}: every structure, and clear errors for what does not exist. */
class DumpCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyStructure_isShown() throws Exception {
        Path img = dir.resolve("disk.img");
        CliRun.run("mkfs", "--size", "32M", "--block-size", "1024", "--lock-table", "c:f", img.toString());
        long[] ino = new long[2];
        CliRun.withMounted(img, fs -> {
            ino[0] = fs.root().number();
            ino[1] = fs.create(fs.root(), "file", 0640, 5, 6).id().number();
        });
        String d = img.toString();

        CliRun sb = CliRun.run("dump", d, "sb");
        CliRun rg = CliRun.run("dump", d, "rgrps");
        CliRun in = CliRun.run("dump", d, "inode", Long.toString(ino[1]));
        CliRun dr = CliRun.run("dump", d, "dir", Long.toString(ino[0]));
        CliRun jn = CliRun.run("dump", d, "journal", "1");

        assertThat(sb.exit).isZero();
        assertThat(sb.out()).contains("superblock (block 0): ok").contains("lock table       c:f");
        assertThat(rg.out()).contains("bitmap: free").contains("legend:");
        assertThat(in.out()).contains("type REGULAR  mode 0640  uid 5  gid 6  nlink 1");
        assertThat(dr.out()).contains("stuffed: 1 entries").contains("file");
        assertThat(jn.out()).contains("journal 1: blocks").contains("clean");
    }

    @Test
    void wrongRequests_areUsageOrNotFound() throws Exception {
        Path img = dir.resolve("disk.img");
        CliRun.run("mkfs", "--size", "32M", img.toString());
        String d = img.toString();

        assertThat(CliRun.run("dump", d, "superblock").exit).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.run("dump", d, "inode").exit).isEqualTo(ExitCodes.USAGE);
        CliRun j = CliRun.run("dump", d, "journal", "9");
        assertThat(j.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(j.err()).contains("journal 9 does not exist (2 journals)");
        CliRun far = CliRun.run("dump", d, "inode", "999999999");
        assertThat(far.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(far.err()).contains("outside the filesystem");
    }
}
