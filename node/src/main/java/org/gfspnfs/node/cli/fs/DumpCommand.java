package org.gfspnfs.node.cli.fs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.dump.Dump;
import org.gfspnfs.node.cli.ExitCodes;
import org.gfspnfs.node.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gfspnfs dump DEVICE (sb | rgrps | inode N | dir N | journal J)}: shows on-disk structures, read only.
 * Exit 0 shown, 1 no such structure or not a filesystem, 2 usage, 8 I/O error.
 */
@Command(name = "dump",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show on-disk structures of a gfs-layout filesystem (read only).",
                "WHAT is one of: sb, rgrps, inode N, dir N, journal J.",
                "Exit status: 0 shown, 1 no such structure or not a filesystem, 2 usage error, 8 I/O error."})
public final class DumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "block device or image file")
    Path device;

    @Parameters(index = "1", paramLabel = "WHAT", description = "sb | rgrps | inode | dir | journal")
    String what;

    @Parameters(index = "2", arity = "0..1", paramLabel = "N", description = "inode number or journal id")
    Long number;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean needsNumber = what.equals("inode") || what.equals("dir") || what.equals("journal");
        if (!needsNumber && !what.equals("sb") && !what.equals("rgrps")) {
            err.println("gfspnfs dump: unknown structure '" + what + "' (sb, rgrps, inode N, dir N, journal J)");
            return ExitCodes.USAGE;
        }
        if (needsNumber != (number != null)) {
            err.println("gfspnfs dump: '" + what + "' " + (needsNumber ? "needs a number" : "takes no number"));
            return ExitCodes.USAGE;
        }
        try (FileBlockDevice dev = FileBlockDevice.openReadOnly(device)) {
            Dump d = Dump.open(dev);
            switch (what) {
                case "sb" -> d.superblock(out);
                case "rgrps" -> d.rgrps(out);
                case "inode" -> d.inode(number, out);
                case "dir" -> d.directory(number, out);
                default -> d.journal((int) Math.min(Integer.MAX_VALUE, Math.max(-1, number)), out);
            }
            return ExitCodes.OK;
        } catch (InvalidArgumentException e) {
            err.println("gfspnfs dump: " + device + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (NoSuchFileException e) {
            err.println("gfspnfs dump: " + device + ": no such file or device");
            return ExitCodes.FAILURE;
        } catch (IOException e) {
            err.println("gfspnfs dump: " + device + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
