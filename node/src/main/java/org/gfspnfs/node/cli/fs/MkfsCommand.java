package org.gfspnfs.node.cli.fs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.Mkfs;
import org.gfspnfs.gfs.MkfsOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.format.Superblock;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gfspnfs mkfs DEVICE}: formats a shared device or image file (mkfs.gfs2). Refuses to overwrite anything it
 * recognizes (a filesystem, a volume, a partition table) unless given --force. With --size it creates the image
 * file, or extends a shorter one. Exit 0 formatted, 1 refused or invalid parameters, 2 usage, 8 I/O failure.
 */
@Command(name = "mkfs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Format DEVICE (a block device or an image file) with a gfs-layout filesystem.",
                "Exit status: 0 formatted, 1 refused or invalid parameters, 2 usage error, 8 I/O error."})
public final class MkfsCommand implements Callable<Integer> {
    private static final long MIB = 1L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "block device or image file")
    Path device;

    @Option(names = {"-j", "--journals"}, defaultValue = "2", paramLabel = "N",
            description = "node slots, one journal each (default: ${DEFAULT-VALUE})")
    int journals;

    @Option(names = {"-J", "--journal-size"}, paramLabel = "SIZE",
            description = "size of each journal, e.g. 32M (a bare number is MiB); default 32M, less on small devices")
    String journalSize;

    @Option(names = {"-b", "--block-size"}, defaultValue = "4096", paramLabel = "B",
            description = "block size in bytes, a power of two in 512..65536 (default: ${DEFAULT-VALUE})")
    int blockSize;

    @Option(names = {"-r", "--rgrp-size"}, paramLabel = "SIZE",
            description = "resource group size, e.g. 256M (a bare number is MiB); default 256M")
    String rgrpSize;

    @Option(names = {"-t", "--lock-table"}, defaultValue = "gfspnfs:gfs0", paramLabel = "CLUSTER:FS",
            description = "lock table: cluster name and filesystem name (default: ${DEFAULT-VALUE})")
    String lockTable;

    @Option(names = {"-L", "--label"}, defaultValue = "", paramLabel = "LABEL", description = "filesystem label")
    String label;

    @Option(names = "--size", paramLabel = "SIZE",
            description = "create the image file with this size, or extend a shorter one (e.g. 10G)")
    String size;

    @Option(names = {"-f", "--force"}, description = "overwrite whatever DEVICE holds")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return format(out, err);
        } catch (IllegalArgumentException | GfsException e) {
            err.println("gfspnfs mkfs: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (NoSuchFileException e) {
            err.println("gfspnfs mkfs: " + device + ": no such file (use --size to create an image file)");
            return ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("gfspnfs mkfs: " + device + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int format(PrintWriter out, PrintWriter err) throws IOException {
        if (size != null) {
            prepareImage(Sizes.parse(size, 1));
        }
        try (FileBlockDevice dev = FileBlockDevice.open(device)) {
            String found = ExistingContent.detect(dev);
            if (found != null && !force) {
                err.println("gfspnfs mkfs: " + device + " already contains " + found + ".");
                err.println("Refusing to overwrite it; run again with --force to destroy it.");
                return ExitCodes.INVALID;
            }
            MkfsOptions o = options(dev.size());
            boolean tty = System.console() != null;
            if (tty) {
                err.print("Formatting " + device + " (" + Sizes.human(dev.size()) + "): zeroing journals, writing "
                        + "resource groups...");
                err.flush();
            }
            Superblock sb = Mkfs.format(dev, o);
            if (tty) {
                err.println(" done");
            }
            out.printf("%s: gfs-layout filesystem, uuid %s, label '%s'%n", device, sb.uuid(), sb.label());
            out.printf("  lock table %s, block size %d, %d blocks (%s)%n", sb.lockTable(), sb.blockSize(),
                    sb.totalBlocks(), Sizes.human(sb.totalBlocks() * sb.blockSize()));
            out.printf("  %d journals of %s, %d resource groups of %s%n", sb.journalCount(),
                    Sizes.human((long) sb.journalBlocks() * sb.blockSize()), sb.rgrpCount(),
                    Sizes.human((long) sb.rgrpBlocks() * sb.blockSize()));
            return ExitCodes.OK;
        }
    }

    private MkfsOptions options(long deviceBytes) {
        if (blockSize < Superblock.MIN_BLOCK || blockSize > Superblock.MAX_BLOCK || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("block size must be a power of two in 512..65536: " + blockSize);
        }
        if (journals < 1) {
            throw new IllegalArgumentException("at least one journal is needed: " + journals);
        }
        long jBytes = journalSize != null ? Sizes.parse(journalSize, MIB)
                : Math.max(32L * blockSize, Math.min(32 * MIB, deviceBytes / 8 / journals));
        long rBytes = rgrpSize != null ? Sizes.parse(rgrpSize, MIB) : 256 * MIB;
        long jBlocks = jBytes / blockSize;
        long rBlocks = rBytes / blockSize;
        if (jBlocks > Integer.MAX_VALUE || rBlocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("journal or resource group size too large for block size "
                    + blockSize);
        }
        return new MkfsOptions(blockSize, journals, (int) jBlocks, (int) Math.max(32, rBlocks), lockTable, label,
                UUID.randomUUID());
    }

    /** Creates the image file or extends it to {@code bytes}; never shrinks one. */
    private void prepareImage(long bytes) throws IOException {
        if (Files.exists(device) && !Files.isRegularFile(device)) {
            throw new IllegalArgumentException("--size only applies to image files; " + device
                    + " is not a regular file");
        }
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long now = ch.size();
            if (now > bytes) {
                throw new IllegalArgumentException(device + " is already " + Sizes.human(now) + ", larger than --size "
                        + size + "; refusing to shrink it");
            }
            if (now < bytes) {
                ch.write(ByteBuffer.allocate(1), bytes - 1);
            }
        }
    }
}
