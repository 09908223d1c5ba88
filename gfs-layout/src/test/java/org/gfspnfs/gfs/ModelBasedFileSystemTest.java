package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.gfspnfs.gfs.PosixModel.ModelError;
import org.gfspnfs.gfs.PosixModel.Node;
import org.gfspnfs.gfs.device.MemoryBlockDevice;
import org.gfspnfs.gfs.impl.GfsMounter;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random operation sequences against {@link PosixModel}: every result, every error and every piece of state the
 * API exposes must agree. Small blocks make directories hash, files grow indirect trees and journals wrap often;
 * the run also remounts cleanly and after a crash right after a sync, which must lose nothing.
 */
class ModelBasedFileSystemTest {
    private static final int OPS = 10_000;
    private static final String[] NAMES = names();
    private LocalLockModule locks;
    private MemoryBlockDevice dev;
    private FileSystem fs;
    private final FileSystem[] mounts = new FileSystem[2];
    private int nodes;
    private PosixModel model;
    private Random rnd;
    private int step;

    private static String[] names() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            n.add("n" + i);
        }
        n.add("x".repeat(255));
        n.add("y".repeat(200));
        n.add("\u00e9t\u00e9-\u65e5\u672c");
        return n.toArray(new String[0]);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomOperations_agreeWithPosixModel(long seed) throws Exception {
        run(seed, 1);
    }

    /** Every operation goes to one of two mounts of the same device: glock caching must stay coherent. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42})
    void randomOperations_spreadOverTwoNodes_agreeWithPosixModel(long seed) throws Exception {
        run(seed, 2);
    }

    private void run(long seed, int nodeCount) throws Exception {
        rnd = new Random(seed);
        nodes = nodeCount;
        locks = new LocalLockModule();
        dev = TestImages.formatted(12 << 20, new MkfsOptions(512, 2, 512, 2048, "model:fs", "", java.util.UUID
                .randomUUID()));
        mountAll();
        model = new PosixModel();
        model.root.id = fs.root();
        try {
            for (step = 0; step < OPS; step++) {
                fs = mounts[rnd.nextInt(nodes)];
                oneOperation();
            }
            for (int i = 0; i < nodes; i++) {
                fs = mounts[i];
                verifyWholeTree();
            }
        } finally {
            for (int i = 0; i < nodes; i++) {
                mounts[i].close();
            }
            locks.close();
        }
    }

    private void mountAll() throws GfsException {
        for (int i = 0; i < nodes; i++) {
            mounts[i] = TestImages.mount(dev, i, locks);
        }
        fs = mounts[0];
    }

    private void oneOperation() throws Exception {
        List<Node> nodes = model.all();
        List<Node> dirs = nodes.stream().filter(Node::isDir).toList();
        List<Node> files = nodes.stream().filter(n -> n.type == FileType.REGULAR).toList();
        Node dir = dirs.get(rnd.nextInt(dirs.size()));
        String name = nodes.size() > 400 ? existingOrRandom(dir) : NAMES[rnd.nextInt(NAMES.length)];
        int pick = rnd.nextInt(100);
        if (nodes.size() > 400 && pick < 40) {
            pick = 40 + rnd.nextInt(10);
        }
        if (pick < 12) {
            expect(() -> model.create(dir, name, FileType.REGULAR, 0640, null),
                    () -> fs.create(dir.id, name, 0640, 1, 2).id(), (n, id) -> n.id = id);
        } else if (pick < 18) {
            expect(() -> model.create(dir, name, FileType.DIRECTORY, 0750, null),
                    () -> fs.mkdir(dir.id, name, 0750, 1, 2).id(), (n, id) -> n.id = id);
        } else if (pick < 21) {
            String target = "t/" + "z".repeat(rnd.nextInt(300));
            expect(() -> model.create(dir, name, FileType.SYMLINK, 0777, target),
                    () -> fs.symlink(dir.id, name, target, 0, 0).id(), (n, id) -> n.id = id);
        } else if (pick < 25 && !nodes.isEmpty()) {
            Node t = nodes.get(rnd.nextInt(nodes.size()));
            expect(() -> {
                model.link(t, dir, name);
                return t;
            }, () -> fs.link(t.id, dir.id, name).id(), (n, id) -> assertThat(id).isEqualTo(t.id));
        } else if (pick < 40 && !files.isEmpty()) {
            writeRandom(files.get(rnd.nextInt(files.size())));
        } else if (pick < 44) {
            String victim = existingOrRandom(dir);
            expect(() -> model.remove(dir, victim, false), () -> {
                fs.unlink(dir.id, victim);
                return null;
            }, (n, id) -> { });
        } else if (pick < 48) {
            String victim = existingOrRandom(dir);
            expect(() -> model.remove(dir, victim, true), () -> {
                fs.rmdir(dir.id, victim);
                return null;
            }, (n, id) -> { });
        } else if (pick < 56) {
            Node dd = dirs.get(rnd.nextInt(dirs.size()));
            String sn = existingOrRandom(dir);
            String dn = rnd.nextBoolean() ? existingOrRandom(dd) : name;
            expect(() -> {
                model.rename(dir, sn, dd, dn);
                return null;
            }, () -> {
                fs.rename(dir.id, sn, dd.id, dn);
                return null;
            }, (n, id) -> { });
        } else if (pick < 62 && !files.isEmpty()) {
            Node f = files.get(rnd.nextInt(files.size()));
            int size = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40_000);
            PosixModel.truncate(f, size);
            FileAttributes a = fs.setattr(f.id, SetAttributes.NONE.withSize(size));
            assertThat(a.size()).as(ctx("truncate size")).isEqualTo(size);
        } else if (pick < 72 && !files.isEmpty()) {
            checkRead(files.get(rnd.nextInt(files.size())));
        } else if (pick < 80) {
            checkListing(dir);
        } else if (pick < 90) {
            checkLookup(dir, existingOrRandom(dir));
        } else if (pick < 96) {
            Node n = nodes.get(rnd.nextInt(nodes.size()));
            int mode = rnd.nextInt(01000);
            n.mode = mode;
            fs.setattr(n.id, SetAttributes.NONE.withMode(mode));
            checkAttributes(n);
        } else if (pick < 98) {
            fs.sync();
        } else {
            remount(rnd.nextBoolean());
        }
    }

    private String existingOrRandom(Node dir) {
        if (!dir.children.isEmpty() && rnd.nextInt(4) != 0) {
            List<String> k = new ArrayList<>(dir.children.keySet());
            return k.get(rnd.nextInt(k.size()));
        }
        return NAMES[rnd.nextInt(NAMES.length)];
    }

    private void writeRandom(Node f) throws GfsException {
        int off = rnd.nextInt(4) == 0 ? f.data.length : rnd.nextInt(48_000);
        byte[] b = new byte[1 + rnd.nextInt(rnd.nextInt(5) == 0 ? 20_000 : 3000)];
        rnd.nextBytes(b);
        PosixModel.write(f, off, b);
        assertThat(fs.write(f.id, off, ByteBuffer.wrap(b))).isEqualTo(b.length);
        assertThat(fs.getattr(f.id).size()).as(ctx("size after write")).isEqualTo(f.data.length);
    }

    private void checkRead(Node f) throws GfsException {
        int off = rnd.nextInt(f.data.length + 100);
        int len = rnd.nextInt(30_000);
        ByteBuffer buf = ByteBuffer.allocate(len);
        int n = fs.read(f.id, off, buf);
        int want = Math.max(0, Math.min(len, f.data.length - off));
        assertThat(n).as(ctx("read length")).isEqualTo(want);
        byte[] expected = new byte[want];
        if (want > 0) {
            System.arraycopy(f.data, off, expected, 0, want);
        }
        byte[] got = new byte[n];
        System.arraycopy(buf.array(), 0, got, 0, n);
        assertThat(got).as(ctx("read bytes")).isEqualTo(expected);
    }

    private void checkListing(Node dir) throws GfsException {
        int page = 1 + rnd.nextInt(20);
        long cookie = 0;
        Map<String, InodeId> seen = new TreeMap<>();
        Set<Long> cookies = new HashSet<>();
        for (int guard = 0; guard < 100_000; guard++) {
            DirListing l = fs.readdir(dir.id, cookie, page);
            for (DirEntry e : l.entries()) {
                assertThat(cookies.add(e.cookie())).as(ctx("unique cookie")).isTrue();
                assertThat(Long.compareUnsigned(e.cookie(), cookie)).as(ctx("cookie order")).isPositive();
                assertThat(seen.put(e.name(), e.id())).as(ctx("duplicate entry " + e.name())).isNull();
                Node child = dir.children.get(e.name());
                assertThat(child).as(ctx("listed entry exists " + e.name())).isNotNull();
                assertThat(e.type()).isEqualTo(child.type);
                cookie = e.cookie();
            }
            if (l.eof()) {
                break;
            }
        }
        assertThat(seen.keySet()).as(ctx("readdir names")).isEqualTo(dir.children.keySet());
        checkAttributes(dir);
    }

    private void checkLookup(Node dir, String name) throws GfsException {
        Node want = dir.children.get(name);
        try {
            InodeId got = fs.lookup(dir.id, name);
            assertThat(want).as(ctx("lookup of missing " + name + " succeeded")).isNotNull();
            assertThat(got).isEqualTo(want.id);
            checkAttributes(want);
        } catch (NoSuchFileException e) {
            assertThat(want).as(ctx("lookup " + name)).isNull();
        }
        assertThat(fs.lookup(dir.id, "..")).as(ctx("..")).isEqualTo(dir.parent.id);
    }

    private void checkAttributes(Node n) throws GfsException {
        FileAttributes a = fs.getattr(n.id);
        assertThat(a.type()).as(ctx("type")).isEqualTo(n.type);
        assertThat(a.nlink()).as(ctx("nlink")).isEqualTo(n.nlink);
        assertThat(a.size()).as(ctx("size")).isEqualTo(n.isDir() ? a.size() : n.size());
        assertThat(a.mode()).as(ctx("mode")).isEqualTo(n.mode);
        if (n.type == FileType.SYMLINK) {
            assertThat(fs.readlink(n.id)).isEqualTo(n.target);
        }
    }

    private void verifyWholeTree() throws GfsException {
        for (Node n : model.all()) {
            checkAttributes(n);
            if (n.isDir()) {
                checkListing(n);
            } else if (n.type == FileType.REGULAR) {
                ByteBuffer b = ByteBuffer.allocate(n.data.length);
                fs.read(n.id, 0, b);
                assertThat(b.array()).as(ctx("file contents")).isEqualTo(n.data);
            }
        }
    }

    private void remount(boolean crash) throws GfsException {
        for (int i = 0; i < nodes; i++) {
            if (crash) {
                mounts[i].sync();
                GfsMounter.crash(mounts[i]);
            } else {
                mounts[i].close();
            }
        }
        if (crash) {
            locks.close();
            locks = new LocalLockModule();
        }
        mountAll();
    }

    interface ModelStep {
        Node run() throws ModelError;
    }

    interface FsStep {
        InodeId run() throws GfsException;
    }

    interface Then {
        void accept(Node n, InodeId id);
    }

    /** Runs the model and the filesystem; both must fail with the same errno or both succeed. */
    private void expect(ModelStep m, FsStep f, Then then) throws GfsException {
        Errno want = null;
        Node n = null;
        try {
            n = m.run();
        } catch (ModelError e) {
            want = e.errno;
        }
        try {
            InodeId id = f.run();
            if (want != null) {
                fail(ctx("expected " + want + " but the operation succeeded"));
            }
            then.accept(n, id);
        } catch (GfsException e) {
            if (want == null || e.errno() != want) {
                throw new AssertionError(ctx("expected " + want + " but got " + e.errno()), e);
            }
        }
    }

    private String ctx(String what) {
        return "step " + step + ": " + what;
    }
}
