package org.gfspnfs.node.cli.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gfspnfs.node.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfspnfs mkfs} creates images, formats them as asked, and never destroys data without --force. */
class MkfsCommandTest {
    @TempDir
    Path dir;

    @Test
    void size_createsTheImage_andTheFilesystemMounts() throws Exception {
        Path img = dir.resolve("disk.img");

        CliRun r = CliRun.run("mkfs", "--size", "64M", "--lock-table", "demo:gfs0", "--label", "data",
                img.toString());

        assertThat(r.exit).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.size(img)).isEqualTo(64L << 20);
        assertThat(r.out()).contains(img + ": gfs-layout filesystem, uuid ").contains("label 'data'")
                .contains("lock table demo:gfs0, block size 4096").contains("2 journals of");
        assertThat(r.err()).isEmpty();
        CliRun.withMounted(img, fs -> fs.create(fs.root(), "hello", 0644, 0, 0));
        assertThat(CliRun.run("fsck", "-n", img.toString()).exit).isZero();
    }

    @Test
    void existingFilesystem_isRefusedNamingIt_unlessForced() throws Exception {
        Path img = dir.resolve("disk.img");
        CliRun first = CliRun.run("mkfs", "--size", "32M", "-L", "precious", img.toString());
        String uuid = first.out().replaceAll("(?s).*uuid ([0-9a-f-]{36}).*", "$1");

        CliRun again = CliRun.run("mkfs", img.toString());

        assertThat(again.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(again.err()).contains(img + " already contains a gfs-layout filesystem (uuid " + uuid
                + ", label 'precious', lock table 'gfspnfs:gfs0'").contains("--force");
        CliRun forced = CliRun.run("mkfs", "--force", img.toString());
        assertThat(forced.exit).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).doesNotContain(uuid);
    }

    @Test
    void foreignFilesystemSignature_isRefusedNamingIt() throws Exception {
        Path img = dir.resolve("ext4.img");
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(1), (32L << 20) - 1);
            ch.write(ByteBuffer.wrap(new byte[] {0x53, (byte) 0xEF}), 1080);
        }

        CliRun r = CliRun.run("mkfs", img.toString());

        assertThat(r.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("already contains an ext2/ext3/ext4 filesystem");
    }

    @Test
    void options_areHonoured() throws Exception {
        Path img = dir.resolve("disk.img");

        CliRun r = CliRun.run("mkfs", "--size", "48M", "--journals", "3", "--block-size", "1024",
                "--rgrp-size", "8M", "--journal-size", "2M", "--lock-table", "c1:fs1", img.toString());

        assertThat(r.exit).as(r.err()).isZero();
        CliRun sb = CliRun.run("dump", img.toString(), "sb");
        assertThat(sb.out()).contains("block size       1024").contains("lock table       c1:fs1")
                .contains("journals         3 x 2048 blocks").contains("x 8192 blocks");
    }

    @Test
    void sizeSmallerThanTheImage_refusesToShrinkIt() throws Exception {
        Path img = dir.resolve("disk.img");
        CliRun.run("mkfs", "--size", "32M", img.toString());

        CliRun r = CliRun.run("mkfs", "--force", "--size", "16M", img.toString());

        assertThat(r.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(r.err()).contains("refusing to shrink it");
        assertThat(Files.size(img)).isEqualTo(32L << 20);
    }

    @Test
    void badParameters_areExplained() {
        Path img = dir.resolve("disk.img");
        CliRun bs = CliRun.run("mkfs", "--size", "32M", "--block-size", "3000", img.toString());
        CliRun lt = CliRun.run("mkfs", "--size", "32M", "--force", "--lock-table", "nocolon", img.toString());
        CliRun size = CliRun.run("mkfs", "--size", "lots", img.toString());
        CliRun missing = CliRun.run("mkfs", dir.resolve("absent.img").toString());

        assertThat(bs.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(bs.err()).contains("block size must be a power of two in 512..65536: 3000");
        assertThat(lt.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(lt.err()).contains("lock table must be 'cluster:fs'");
        assertThat(size.exit).isEqualTo(ExitCodes.INVALID);
        assertThat(size.err()).contains("not a size: 'lots'");
        assertThat(missing.exit).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no such file (use --size to create an image file)");
    }
}
