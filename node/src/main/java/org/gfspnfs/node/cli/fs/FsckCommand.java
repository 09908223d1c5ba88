package org.gfspnfs.node.cli.fs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.fsck.Finding;
import org.gfspnfs.gfs.fsck.Fsck;
import org.gfspnfs.gfs.fsck.FsckMode;
import org.gfspnfs.gfs.fsck.FsckProgress;
import org.gfspnfs.gfs.fsck.FsckReport;
import org.gfspnfs.gfs.fsck.FsckStatus;
import org.gfspnfs.node.cli.VersionProvider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gfspnfs fsck -n|-y DEVICE}: offline check ({@code -n}, read only) or repair ({@code -y}) of an unmounted
 * filesystem, one line per finding naming the block and the structure. Exit status as fsck(8): 0 clean,
 * 1 errors corrected, 4 errors left uncorrected, 8 operational error (2 for a usage error).
 */
@Command(name = "fsck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Check (-n) or repair (-y) an unmounted gfs-layout filesystem.",
                "Exit status: 0 clean, 1 errors corrected, 4 errors left uncorrected, 8 operational error,"
                        + " 2 usage error."})
public final class FsckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "block device or image file (not mounted)")
    Path device;

    static final class Mode {
        @Option(names = "-n", required = true, description = "check only: never write to DEVICE")
        boolean check;

        @Option(names = "-y", required = true, description = "repair everything found")
        boolean repair;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FsckMode m = mode.repair ? FsckMode.REPAIR : FsckMode.CHECK;
        try (FileBlockDevice dev = m == FsckMode.REPAIR ? FileBlockDevice.open(device)
                : FileBlockDevice.openReadOnly(device)) {
            TerminalProgress tty = System.console() != null ? new TerminalProgress(err, Clock.systemUTC()) : null;
            FsckReport r = Fsck.run(dev, m, tty == null ? FsckProgress.NONE : tty);
            if (tty != null) {
                tty.clear();
            }
            for (Finding f : r.findings()) {
                out.println(f.format());
            }
            out.println(summary(r));
            if (r.status() == FsckStatus.OPERATIONAL_ERROR) {
                err.println("gfspnfs fsck: " + device + ": " + r.failure());
            }
            return r.exitCode();
        } catch (NoSuchFileException e) {
            err.println("gfspnfs fsck: " + device + ": no such file or device");
            return FsckStatus.OPERATIONAL_ERROR.exitCode();
        } catch (IOException e) {
            err.println("gfspnfs fsck: " + device + ": " + e.getMessage());
            return FsckStatus.OPERATIONAL_ERROR.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String summary(FsckReport r) {
        int errors = r.errors().size();
        String counts = r.inodes() + " inodes, " + r.directories() + " directories";
        return device + ": " + switch (r.status()) {
            case CLEAN -> "clean, " + counts;
            case CORRECTED -> errors + (errors == 1 ? " error" : " errors") + " corrected, " + counts;
            case UNCORRECTED -> errors + (errors == 1 ? " error" : " errors") + " found"
                    + (r.mode() == FsckMode.CHECK ? ", nothing changed (run fsck -y to repair)" : ", some could not "
                    + "be repaired");
            case OPERATIONAL_ERROR -> "fsck could not complete";
        };
    }
}
