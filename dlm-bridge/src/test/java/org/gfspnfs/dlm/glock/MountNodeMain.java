package org.gfspnfs.dlm.glock;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.gfspnfs.dlm.cluster.PipeMemberView;
import org.gfspnfs.dlm.core.DlmConfig;
import org.gfspnfs.dlm.core.DlmNode;
import org.gfspnfs.gfs.FileExistsException;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.FileSystems;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.MountOptions;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.membership.api.Member;

/**
 * One mounting node of the multi-process glock test, in its own JVM. Arguments: node id, incarnation, image path,
 * journal slot, file count. Once its DLM runs it mounts the image with glocks over the DLM and, in directory
 * {@code shared}, creates, writes and renames files named after its slot; prints {@code DONE}, then unmounts on
 * {@code STOP}.
 */
public final class MountNodeMain {
    private MountNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int id = Integer.parseInt(args[0]);
        long inc = Long.parseLong(args[1]);
        Path image = Path.of(args[2]);
        int slot = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PipeMemberView[] view = new PipeMemberView[1];
        DlmNode node = DlmNode.start(DlmConfig.defaults(id, inc), addr -> {
            view[0] = new PipeMemberView(new Member(id, "node" + id, inc, addr));
            out.println("ADDR " + addr.getPort());
            return view[0];
        });
        Thread feeder = new Thread(() -> view[0].feed(in), "view-feeder");
        feeder.setDaemon(true);
        feeder.start();
        while (!node.running()) {
            Thread.sleep(10);
        }
        try (DlmLockModule locks = new DlmLockModule(node);
             FileBlockDevice dev = FileBlockDevice.open(image)) {
            FileSystem fs = FileSystems.mount(dev, MountOptions.of(slot, locks));
            InodeId dir;
            try {
                dir = fs.mkdir(fs.root(), "shared", 0755, 0, 0).id();
            } catch (FileExistsException e) {
                dir = fs.lookup(fs.root(), "shared");
            }
            String me = "n" + slot;
            for (int i = 0; i < count; i++) {
                InodeId f = fs.create(dir, me + "-" + i, 0644, 0, 0).id();
                fs.write(f, 0, ByteBuffer.wrap((me + " wrote " + i).getBytes(StandardCharsets.UTF_8)));
                if (i % 2 == 0) {
                    fs.rename(dir, me + "-" + i, dir, me + "-renamed-" + i);
                }
            }
            out.println("DONE");
            view[0].awaitStop();
            fs.close();
        }
        node.close();
        out.println("STOPPED");
        System.exit(0);
    }
}
