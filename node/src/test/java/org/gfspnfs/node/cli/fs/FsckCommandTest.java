package org.gfspnfs.node.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.node.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfspnfs fsck}: fsck(8) exit statuses, findings naming block and structure, -n never writes. */
class FsckCommandTest {
    @TempDir
    Path dir;

    private Path image() throws Exception {
        Path img = dir.resolve("disk.img");
        assertThat(CliRun.run("mkfs", "--size", "32M", "--block-size", "1024", img.toString()).exit).isZero();
        return img;
    }

    @Test
    void cleanFilesystem_exitsZero_inBothModes() throws Exception {
        Path img = image();
        CliRun.withMounted(img, fs -> {
            InodeId f = fs.create(fs.root(), "a", 0644, 0, 0).id();
            fs.write(f, 0, ByteBuffer.wrap(new byte[100_000]));
            fs.mkdir(fs.root(), "d", 0755, 0, 0);
        });

        CliRun n = CliRun.run("fsck", "-n", img.toString());
        CliRun y = CliRun.run("fsck", "-y", img.toString());

        assertThat(n.exit).as(n.out() + n.err()).isZero();
        assertThat(n.out()).isEqualTo(img + ": clean, 3 inodes, 2 directories" + System.lineSeparator());
        assertThat(y.exit).isZero();
    }

    @Test
    void damagedDinode_checkExitsFour_withoutWriting_repairExitsOne_thenClean() throws Exception {
        Path img = image();
        long[] ino = new long[1];
        CliRun.withMounted(img, fs -> ino[0] = fs.create(fs.root(), "victim", 0644, 0, 0).id().number());
        CliRun.flip(img, ino[0] * 1024 + 300);
        byte[] before = Files.readAllBytes(img);

        CliRun n = CliRun.run("fsck", "-n", img.toString());

        assertThat(n.exit).isEqualTo(4);
        assertThat(n.out()).contains("block " + ino[0] + " (dinode):").contains("checksum mismatch")
                .contains("nothing changed (run fsck -y to repair)");
        assertThat(Files.readAllBytes(img)).isEqualTo(before);
        CliRun y = CliRun.run("fsck", "-y", img.toString());
        assertThat(y.exit).as(y.out()).isEqualTo(1);
        assertThat(y.out()).contains("[repaired]").contains("corrected");
        assertThat(CliRun.run("fsck", "-n", img.toString()).exit).isZero();
    }

    @Test
    void notAFilesystem_exitsFour_missingDevice_exitsEight_noMode_isAUsageError() throws Exception {
        Path zeros = dir.resolve("zeros.img");
        Files.write(zeros, new byte[1 << 20]);

        CliRun junk = CliRun.run("fsck", "-n", zeros.toString());
        CliRun missing = CliRun.run("fsck", "-n", dir.resolve("absent").toString());
        CliRun noMode = CliRun.run("fsck", zeros.toString());
        CliRun both = CliRun.run("fsck", "-n", "-y", zeros.toString());

        assertThat(junk.exit).isEqualTo(4);
        assertThat(junk.out()).contains("block 0 (superblock): no gfs-layout superblock");
        assertThat(missing.exit).isEqualTo(8);
        assertThat(missing.err()).contains("no such file or device");
        assertThat(noMode.exit).isEqualTo(ExitCodes.USAGE);
        assertThat(both.exit).isEqualTo(ExitCodes.USAGE);
    }
}
