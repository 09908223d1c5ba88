package org.gfspnfs.mds.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gfspnfs.nfs41.status.ExistException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.NotDirException;
import org.gfspnfs.nfs41.status.NotEmptyException;
import org.gfspnfs.nfs41.status.StaleException;
import org.gfspnfs.nfs41.vfs.Access;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.DirEntry;
import org.gfspnfs.nfs41.vfs.DirPage;
import org.gfspnfs.nfs41.vfs.FileType;
import org.gfspnfs.nfs41.vfs.FsStat;
import org.gfspnfs.nfs41.vfs.Inode;
import org.gfspnfs.nfs41.vfs.ReadResult;
import org.gfspnfs.nfs41.vfs.SetAttributes;
import org.gfspnfs.nfs41.vfs.Stability;
import org.gfspnfs.nfs41.vfs.Stat;
import org.gfspnfs.nfs41.vfs.TimeSetting;
import org.gfspnfs.nfs41.vfs.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GfsVirtualFileSystemTest {
    private static final Caller ALICE = new Caller(1000, 1000, new int[0]);
    private static final Caller BOB = new Caller(1001, 1001, new int[0]);
    private static final Caller ROOT = new Caller(0, 0, new int[0]);

    @TempDir
    Path dir;
    private GfsImage image;
    private GfsVirtualFileSystem vfs;

    @BeforeEach
    void mount() throws Exception {
        image = GfsImage.format(dir);
        vfs = image.mount();
    }

    @AfterEach
    void unmount() throws Exception {
        image.close();
    }

    private Inode file(Inode parent, String name) throws Exception {
        return vfs.create(parent, name, FileType.REGULAR, 0644, ALICE, 0, 0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unstableWrite_thenCommit_readsBackWithEof() throws Exception {
        Inode f = file(vfs.root(), "hello.txt");
        WriteResult w = vfs.write(f, 0, utf8("xxhello world"), 2, 11, Stability.UNSTABLE);
        vfs.commit(f, 0, 0);

        ReadResult all = vfs.read(f, 0, 100);
        ReadResult head = vfs.read(f, 0, 5);

        assertThat(w.count()).isEqualTo(11);
        assertThat(w.committed()).isEqualTo(Stability.UNSTABLE);
        assertThat(new String(all.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(all.eof()).isTrue();
        assertThat(new String(head.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(head.eof()).isFalse();
    }

    @Test
    void fileSyncWrite_reportsFileSync_andSurvivesRemount() throws Exception {
        Inode f = file(vfs.root(), "sync.bin");
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        WriteResult w = vfs.write(f, 4096, big, 0, big.length, Stability.FILE_SYNC);

        vfs = image.remount();

        ReadResult r = vfs.read(f, 4096, big.length);
        assertThat(w.committed()).isEqualTo(Stability.FILE_SYNC);
        assertThat(r.bytes()).isEqualTo(big);
        assertThat(vfs.read(f, 0, 4096).bytes()).containsOnly(0);
        assertThat(vfs.getattr(f).size()).isEqualTo(4096 + big.length);
    }

    @Test
    void holesRead_throughAReusedReplyBuffer_areZeros_notTheBytesOfTheReadBefore() throws Exception {
        int small = GfsVirtualFileSystem.SEND_FROM_DEVICE_MIN - 4096;   // READs this small are copied into the pool
        Inode full = file(vfs.root(), "full.bin");
        byte[] ones = new byte[small];
        java.util.Arrays.fill(ones, (byte) 0x5a);
        vfs.write(full, 0, ones, 0, ones.length, Stability.UNSTABLE);
        Inode sparse = file(vfs.root(), "sparse.bin");
        vfs.write(sparse, 5000, utf8("island"), 0, 6, Stability.UNSTABLE);
        vfs.setattr(sparse, SetAttributes.NONE.withSize(50_000L));

        for (int round = 0; round < 3; round++) {
            ReadResult dirty = vfs.read(full, 0, small);
            assertThat(dirty.bytes()).containsOnly(0x5a);
            dirty.onSent().run();   // the transport wrote it: the buffer goes back to the pool
            ReadResult r = vfs.read(sparse, 0, small);
            byte[] expected = new byte[50_000];
            System.arraycopy(utf8("island"), 0, expected, 5000, 6);
            assertThat(r.bytes()).as("round %d", round).isEqualTo(expected);
            assertThat(r.eof()).isTrue();
            if (r.onSent() != null) {
                r.onSent().run();
            }
        }
    }

    @Test
    void aLargeRead_leavesItsBytesOnTheDevice_forTheTransportToSend() throws Exception {
        Inode f = file(vfs.root(), "large.bin");
        byte[] data = new byte[300_000];
        new java.util.Random(3).nextBytes(data);
        vfs.write(f, 0, data, 0, data.length, Stability.UNSTABLE);

        ReadResult r = vfs.read(f, 100_000, 1 << 20);
        assertThat(r.payload()).as("sent from the device").isNotNull();
        assertThat(r.length()).isEqualTo(200_000);
        assertThat(r.eof()).isTrue();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.channels.WritableByteChannel ch = java.nio.channels.Channels.newChannel(out);
        for (long at = 0; at < r.length(); ) {
            at += r.payload().transferTo(at, ch);
        }
        r.payload().release();
        assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 100_000, 300_000));
        // Released: truncating the file does not wait for anything.
        vfs.setattr(f, SetAttributes.NONE.withSize(0L));
        assertThat(vfs.getattr(f).size()).isZero();
    }

    @Test
    void handles_stayValidAfterRemount() throws Exception {
        Inode sub = vfs.create(vfs.root(), "sub", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        Inode f = file(sub, "kept");
        vfs.write(f, 0, utf8("persist"), 0, 7, Stability.UNSTABLE);
        vfs.commit(f, 0, 0);
        long change = vfs.getattr(f).change();

        vfs = image.remount();

        assertThat(vfs.lookup(sub, "kept")).isEqualTo(f);
        assertThat(vfs.getattr(f).type()).isEqualTo(FileType.REGULAR);
        assertThat(vfs.getattr(f).change()).isGreaterThanOrEqualTo(change);
        assertThat(vfs.parent(sub)).isEqualTo(vfs.root());
        assertThat(new String(vfs.read(f, 0, 7).bytes(), StandardCharsets.UTF_8)).isEqualTo("persist");
    }

    @Test
    void removedFile_handleIsStale_evenAfterItsNumberIsReused() throws Exception {
        Inode f = file(vfs.root(), "doomed");
        vfs.remove(vfs.root(), "doomed");

        assertThatThrownBy(() -> vfs.getattr(f)).isInstanceOf(StaleException.class);
        assertThatThrownBy(() -> vfs.read(f, 0, 10)).isInstanceOf(StaleException.class);
        assertThatThrownBy(() -> vfs.lookup(vfs.root(), "doomed")).isInstanceOf(NoEntException.class);

        Inode next = file(vfs.root(), "successor");
        assertThatThrownBy(() -> vfs.getattr(new Inode(next.number(), next.generation() + 1)))
                .isInstanceOf(StaleException.class);
        vfs = image.remount();
        assertThatThrownBy(() -> vfs.getattr(f)).isInstanceOf(StaleException.class);
    }

    @Test
    void removedDirectory_handleIsStale_andNonEmptyOneIsRefused() throws Exception {
        Inode d = vfs.create(vfs.root(), "d", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        file(d, "inside");

        assertThatThrownBy(() -> vfs.remove(vfs.root(), "d")).isInstanceOf(NotEmptyException.class);
        vfs.remove(d, "inside");
        vfs.remove(vfs.root(), "d");

        assertThatThrownBy(() -> vfs.lookup(d, "x")).isInstanceOf(StaleException.class);
    }

    @Test
    void rename_acrossDirectories_replacesTarget_andKeepsHandle() throws Exception {
        Inode a = vfs.create(vfs.root(), "a", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        Inode b = vfs.create(vfs.root(), "b", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        Inode moving = file(a, "f");
        Inode replaced = file(b, "g");
        vfs.write(moving, 0, utf8("moved"), 0, 5, Stability.FILE_SYNC);

        vfs.rename(a, "f", b, "g");

        assertThat(vfs.lookup(b, "g")).isEqualTo(moving);
        assertThatThrownBy(() -> vfs.lookup(a, "f")).isInstanceOf(NoEntException.class);
        assertThatThrownBy(() -> vfs.getattr(replaced)).isInstanceOf(StaleException.class);
        assertThat(new String(vfs.read(moving, 0, 5).bytes(), StandardCharsets.UTF_8)).isEqualTo("moved");
        assertThatThrownBy(() -> vfs.rename(vfs.root(), "a", a, "inner")).isInstanceOf(InvalException.class);
    }

    @Test
    void readdir_resumedFromCookie_seesEveryOldEntryOnce_despiteInserts() throws Exception {
        Inode d = vfs.create(vfs.root(), "big", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            file(d, "f" + i);
            original.add("f" + i);
        }
        DirPage first = vfs.readdir(d, 0, 0, 40);
        for (int i = 0; i < 200; i++) {
            file(d, "new" + i);
        }
        List<String> seen = new ArrayList<>();
        first.entries().forEach(e -> seen.add(e.name()));
        DirPage page = first;
        while (!page.eof()) {
            DirEntry last = page.entries().get(page.entries().size() - 1);
            page = vfs.readdir(d, last.cookie(), page.verifier(), 40);
            assertThat(page.verifier()).isEqualTo(first.verifier());
            page.entries().forEach(e -> seen.add(e.name()));
        }

        assertThat(first.entries()).hasSize(40).allSatisfy(e -> {
            assertThat(e.cookie()).isGreaterThan(2);
            assertThat(e.stat().type()).isEqualTo(FileType.REGULAR);
        });
        assertThat(seen).doesNotHaveDuplicates().containsAll(original).doesNotContain(".", "..");
    }

    @Test
    void readdir_carriesNoCookieVerifier_andResumesFromACookieWhateverVerifierComesWithIt() throws Exception {
        // The Linux client re-reads most of a first listing when the verifier of a READDIR from cookie 0 is not
        // the 0 it holds for a directory it has just met; gfs-layout's cookies never become invalid, so 0 it is.
        Inode d = vfs.create(vfs.root(), "d", FileType.DIRECTORY, 0755, ALICE, 0, 0);
        for (String name : List.of("one", "two", "three")) {
            file(d, name);
        }
        DirPage first = vfs.readdir(d, 0, 0, 1);
        file(d, "four");
        DirPage rest = vfs.readdir(d, first.entries().get(0).cookie(), 0, 10);
        DirPage restWithAnOldVerifier = vfs.readdir(d, first.entries().get(0).cookie(), 0x5eed_0001L, 10);

        assertThat(List.of(first.verifier(), rest.verifier(), restWithAnOldVerifier.verifier())).containsOnly(0L);
        assertThat(restWithAnOldVerifier.entries()).extracting(DirEntry::name)
                .isEqualTo(rest.entries().stream().map(DirEntry::name).toList());
        List<String> all = new ArrayList<>(List.of(first.entries().get(0).name()));
        rest.entries().forEach(e -> all.add(e.name()));
        // "four", added mid-scan, may sort before the cookie the scan resumed from
        assertThat(all).doesNotHaveDuplicates().contains("one", "two", "three");
        assertThat(rest.eof()).isTrue();
    }

    @Test
    void unlinkedFile_staysReadableWhileOpen_andIsFreedOnClose() throws Exception {
        Inode f = file(vfs.root(), "open-then-unlinked");
        vfs.write(f, 0, utf8("still here"), 0, 10, Stability.FILE_SYNC);
        vfs.opened(f);

        vfs.remove(vfs.root(), "open-then-unlinked");

        assertThat(new String(vfs.read(f, 0, 10).bytes(), StandardCharsets.UTF_8)).isEqualTo("still here");
        assertThat(vfs.getattr(f).nlink()).isZero();
        vfs.closed(f);
        assertThat(vfs.openCount(f)).isZero();
        assertThatThrownBy(() -> vfs.getattr(f)).isInstanceOf(StaleException.class);
    }

    @Test
    void concurrentOpensAndCloses_ofSharedAndPrivateFiles_countExactly_andTheUnlinkedOneIsFreedAtLastClose()
            throws Exception {
        Inode shared = file(vfs.root(), "shared");
        int threads = 6;
        int rounds = 200;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Inode mine = file(vfs.root(), "private-" + t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        vfs.opened(shared);
                        vfs.opened(mine);
                        vfs.closed(mine);
                        vfs.closed(shared);
                    }
                    vfs.opened(shared);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // Each thread left one open of the shared file: removing it keeps it alive until the last close.
        assertThat(vfs.openCount(shared)).isEqualTo(threads);
        vfs.remove(vfs.root(), "shared");
        for (int t = 0; t < threads - 1; t++) {
            vfs.closed(shared);
        }
        assertThat(vfs.getattr(shared).nlink()).isZero();
        vfs.closed(shared);
        assertThat(vfs.openCount(shared)).isZero();
        assertThatThrownBy(() -> vfs.getattr(shared)).isInstanceOf(StaleException.class);
    }

    @Test
    void setattr_truncatesChmodsChownsAndSetsTimes_advancingChange() throws Exception {
        Inode f = file(vfs.root(), "attrs");
        vfs.write(f, 0, new byte[10_000], 0, 10_000, Stability.UNSTABLE);
        Stat before = vfs.getattr(f);
        Instant t = Instant.parse("2001-02-03T04:05:06.123456789Z");

        Stat after = vfs.setattr(f, new SetAttributes(0600, 1234, 5678, 100L, TimeSetting.of(t),
                TimeSetting.SERVER_TIME));

        assertThat(after.size()).isEqualTo(100);
        assertThat(after.mode()).isEqualTo(0600);
        assertThat(after.uid()).isEqualTo(1234);
        assertThat(after.gid()).isEqualTo(5678);
        assertThat(after.atime()).isEqualTo(t);
        assertThat(after.mtime()).isAfter(t);
        assertThat(after.change()).isGreaterThan(before.change());
        assertThat(after.fileId()).isEqualTo(f.number());
        assertThat(vfs.getattr(f)).isEqualTo(after);
    }

    @Test
    void create_existingName_isExist_andMissingOrNonDirectoryLookupsFail() throws Exception {
        Inode f = file(vfs.root(), "x");
        assertThatThrownBy(() -> file(vfs.root(), "x")).isInstanceOf(ExistException.class);
        assertThatThrownBy(() -> vfs.lookup(vfs.root(), "nope")).isInstanceOf(NoEntException.class);
        assertThatThrownBy(() -> vfs.lookup(f, "child")).isInstanceOf(NotDirException.class);
    }

    @Test
    void newFiles_belongToCaller_andAccessFollowsModeBits_exceptForRoot() throws Exception {
        Inode f = file(vfs.root(), "private");
        Stat st = vfs.getattr(f);

        assertThat(st.uid()).isEqualTo(ALICE.uid());
        assertThat(st.gid()).isEqualTo(ALICE.gid());
        assertThat(vfs.access(f, ALICE, Access.READ | Access.MODIFY)).isEqualTo(Access.READ | Access.MODIFY);
        assertThat(vfs.access(f, BOB, Access.READ | Access.MODIFY)).isEqualTo(Access.READ);
        assertThat(vfs.access(f, ROOT, Access.READ | Access.MODIFY)).isEqualTo(Access.READ | Access.MODIFY);
    }

    @Test
    void symlinkAndHardLink_resolveAndCountLinks() throws Exception {
        Inode f = file(vfs.root(), "target");
        Inode l = vfs.symlink(vfs.root(), "sym", "target", 0777, ALICE);
        vfs.link(vfs.root(), "hard", f);

        assertThat(vfs.readlink(l)).isEqualTo("target");
        assertThat(vfs.getattr(l).type()).isEqualTo(FileType.SYMLINK);
        assertThat(vfs.lookup(vfs.root(), "hard")).isEqualTo(f);
        assertThat(vfs.getattr(f).nlink()).isEqualTo(2);
        vfs.remove(vfs.root(), "target");
        assertThat(vfs.getattr(f).nlink()).isEqualTo(1);
    }

    @Test
    void statfs_reportsSpaceConsumedByWrites() throws Exception {
        FsStat before = vfs.statfs();
        Inode f = file(vfs.root(), "space");
        vfs.write(f, 0, new byte[1 << 20], 0, 1 << 20, Stability.FILE_SYNC);
        FsStat after = vfs.statfs();

        assertThat(before.totalBytes()).isGreaterThan(32L << 20);
        assertThat(before.freeBytes() - after.freeBytes()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(after.freeFiles()).isLessThan(before.freeFiles());
        assertThat(vfs.info().fsidMajor()).isEqualTo(image.fs().info().uuid().getMostSignificantBits());
    }

    @Test
    void truncateRemoveAndRenameOver_recallLayouts_butChmodAndPlainRenameDoNot() throws Exception {
        List<Inode> recalled = new java.util.concurrent.CopyOnWriteArrayList<>();
        image.unmount();
        vfs = image.mount(recalled::add);
        Inode truncated = file(vfs.root(), "t");
        Inode removed = file(vfs.root(), "r");
        Inode replaced = file(vfs.root(), "over");
        Inode mover = file(vfs.root(), "m");
        Inode plain = file(vfs.root(), "p");

        vfs.setattr(truncated, SetAttributes.NONE.withSize(0L));
        vfs.setattr(plain, new SetAttributes(0600, null, null, null, null, null));
        vfs.remove(vfs.root(), "r");
        vfs.rename(vfs.root(), "m", vfs.root(), "over");
        vfs.rename(vfs.root(), "p", vfs.root(), "p2");

        assertThat(recalled).containsExactly(truncated, removed, replaced);
        assertThat(vfs.lookup(vfs.root(), "over")).isEqualTo(mover);
    }
}
