package org.gfspnfs.node.cli.fs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.gfspnfs.node.cli.GfsPnfsMain;
import picocli.CommandLine;

/** Runs {@code gfspnfs} as the launcher does and keeps what it printed. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int exit;

    private CliRun(String... args) {
        CommandLine cl = GfsPnfsMain.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        exit = cl.execute(args);
    }

    static CliRun run(String... args) {
        return new CliRun(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Mounts the image (journal 0), runs {@code body}, unmounts cleanly. */
    static void withMounted(Path image, FsBody body) throws Exception {
        try (FileBlockDevice dev = FileBlockDevice.open(image); LocalLockModule locks = new LocalLockModule()) {
            FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks));
            try {
                body.accept(fs);
            } finally {
                fs.close();
            }
        }
    }

    interface FsBody {
        void accept(FileSystem fs) throws GfsException;
    }

    /** Flips one byte of the image, as a failing disk or a stray write would. */
    static void flip(Path image, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).clear();
            ch.write(b, offset);
        }
    }
}
