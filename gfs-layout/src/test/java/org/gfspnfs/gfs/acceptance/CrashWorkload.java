package org.gfspnfs.gfs.acceptance;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gfspnfs.gfs.FileSystem;
import org.gfspnfs.gfs.GfsException;
import org.gfspnfs.gfs.InodeId;
import org.gfspnfs.gfs.SetAttributes;

/**
 * A random but reproducible workload (creates, writes - appending, overwriting and sparse -, truncates, renames
 * including over existing files, unlinks, unwritten allocations, fsyncs and syncs) that remembers, for every fsync,
 * which contents the file must have after a crash at any later point that comes before the file's next change.
 */
final class CrashWorkload {
    /** A durability promise: from device event {@code durableAt} until {@code changedAt}, the file is this. */
    static final class Promise {
        final String dir;
        final String name;
        final InodeId id;
        final byte[] content;
        final int durableAt;
        int changedAt = Integer.MAX_VALUE;

        Promise(String dir, String name, InodeId id, byte[] content, int durableAt) {
            this.dir = dir;
            this.name = name;
            this.id = id;
            this.content = content;
            this.durableAt = durableAt;
        }
    }

    private static final class Live {
        String dir;
        String name;
        final InodeId id;
        byte[] content = new byte[0];
        Promise last;

        Live(String dir, String name, InodeId id) {
            this.dir = dir;
            this.name = name;
            this.id = id;
        }
    }

    private final FileSystem fs;
    private final RecordingDevice dev;
    private final Random rnd;
    private final Map<String, InodeId> dirs = new HashMap<>();
    private final List<Live> files = new ArrayList<>();
    private final List<Promise> promises = new ArrayList<>();
    private int next;

    CrashWorkload(FileSystem fs, RecordingDevice dev, long seed) throws GfsException {
        this.fs = fs;
        this.dev = dev;
        this.rnd = new Random(seed);
        dirs.put("/", fs.root());
        dirs.put("/sub", fs.mkdir(fs.root(), "sub", 0755, 0, 0).id());
    }

    List<Promise> promises() {
        return promises;
    }

    void run(int ops) throws GfsException {
        for (int i = 0; i < ops; i++) {
            int p = rnd.nextInt(100);
            if (files.size() < 2 || p < 14) {
                create();
            } else if (p < 44) {
                write(pick());
            } else if (p < 50) {
                truncate(pick());
            } else if (p < 58) {
                rename(pick());
            } else if (p < 64) {
                unlink(pick());
            } else if (p < 67) {
                fs.allocateUnwritten(pick().id, rnd.nextInt(64) * 1024L, 1 + rnd.nextInt(16 * 1024));
            } else if (p < 88) {
                fsync(pick());
            } else if (p < 92) {
                syncAll();
            } else {
                fs.mkdir(dirs.get("/"), "d" + next++, 0755, 0, 0);
            }
        }
    }

    private Live pick() {
        return files.get(rnd.nextInt(files.size()));
    }

    private void changing(Live f) {
        if (f.last != null && f.last.changedAt == Integer.MAX_VALUE) {
            f.last.changedAt = dev.position();
        }
    }

    private void create() throws GfsException {
        String dir = rnd.nextBoolean() ? "/" : "/sub";
        String name = "f" + next++;
        InodeId id = fs.create(dirs.get(dir), name, 0644, 0, 0).id();
        files.add(new Live(dir, name, id));
    }

    private void write(Live f) throws GfsException {
        int len = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 9000 : 1500);
        long off = switch (rnd.nextInt(4)) {
            case 0 -> f.content.length;
            case 1 -> f.content.length + rnd.nextInt(150_000);
            default -> rnd.nextInt(f.content.length + 1);
        };
        byte[] data = new byte[len];
        rnd.nextBytes(data);
        changing(f);
        fs.write(f.id, off, ByteBuffer.wrap(data));
        int end = (int) off + len;
        if (end > f.content.length) {
            f.content = Arrays.copyOf(f.content, end);
        }
        System.arraycopy(data, 0, f.content, (int) off, len);
    }

    private void truncate(Live f) throws GfsException {
        int size = f.content.length == 0 ? 0 : rnd.nextInt(f.content.length);
        changing(f);
        fs.setattr(f.id, SetAttributes.NONE.withSize(size));
        f.content = Arrays.copyOf(f.content, size);
    }

    private void rename(Live f) throws GfsException {
        String dir = rnd.nextBoolean() ? "/" : "/sub";
        Live victim = null;
        String name = "f" + next++;
        if (rnd.nextInt(4) == 0) {
            for (Live o : files) {
                if (o != f && o.dir.equals(dir)) {
                    victim = o;
                    name = o.name;
                    break;
                }
            }
        }
        changing(f);
        if (victim != null) {
            changing(victim);
        }
        fs.rename(dirs.get(f.dir), f.name, dirs.get(dir), name);
        if (victim != null) {
            files.remove(victim);
        }
        f.dir = dir;
        f.name = name;
    }

    private void unlink(Live f) throws GfsException {
        changing(f);
        fs.unlink(dirs.get(f.dir), f.name);
        files.remove(f);
    }

    private void fsync(Live f) throws GfsException {
        fs.fsync(f.id);
        promise(f);
    }

    private void syncAll() throws GfsException {
        fs.sync();
        for (Live f : files) {
            promise(f);
        }
    }

    private void promise(Live f) {
        if (f.last != null && f.last.changedAt == Integer.MAX_VALUE && f.last.name.equals(f.name)
                && Arrays.equals(f.last.content, f.content)) {
            return;
        }
        if (f.last != null && f.last.changedAt == Integer.MAX_VALUE) {
            f.last.changedAt = dev.position();
        }
        f.last = new Promise(f.dir, f.name, f.id, f.content.clone(), dev.position());
        promises.add(f.last);
    }
}
