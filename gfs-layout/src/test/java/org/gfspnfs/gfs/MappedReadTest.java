package org.gfspnfs.gfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gfspnfs.gfs.device.FileBlockDevice;
import org.gfspnfs.gfs.lock.LocalLockModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped read ({@link FileSystem#mapRead}) sends a file's bytes from the device to a channel after its operation,
 * however little the channel takes at a time; and a client that never takes them holds nothing up: a truncate or
 * another node's demand for the file revokes the read, which keeps sending the bytes the file had.
 */
class MappedReadTest {
    private static final int FILE = 256 << 10;

    @TempDir
    Path tmp;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aMappedRead_sendsHolesStuffedAndDeviceBytes_throughAChannelThatTakesLittleAtATime() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks))) {
            InodeId sparse = fs.create(fs.root(), "sparse", 0644, 0, 0).id();
            byte[] island = bytes(7, 10_000);
            fs.write(sparse, 100_000, ByteBuffer.wrap(island));
            fs.setattr(sparse, SetAttributes.NONE.withSize(FILE));
            byte[] expected = new byte[FILE];
            System.arraycopy(island, 0, expected, 100_000, island.length);
            try (MappedRead r = fs.mapRead(sparse, 0, FILE + 4096)) {
                assertThat(r.length()).isEqualTo(FILE);
                assertThat(r.fileSize()).isEqualTo(FILE);
                assertThat(drain(r, 3000)).isEqualTo(expected);
            }

            InodeId small = fs.create(fs.root(), "small", 0644, 0, 0).id();
            fs.write(small, 0, ByteBuffer.wrap("stuffed in the dinode".getBytes()));
            try (MappedRead r = fs.mapRead(small, 3, 100)) {
                assertThat(new String(drain(r, 5))).isEqualTo("ffed in the dinode");
            }
            try (MappedRead r = fs.mapRead(small, 500, 100)) {
                assertThat(r.length()).as("past the end").isZero();
            }
        }
    }

    @Test
    void aMappedReadNobodySends_doesNotHoldUpATruncate_andStillSendsWhatTheFileHad() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             FileSystem fs = FileSystems.mount(dev, MountOptions.of(0, locks))) {
            InodeId x = file(fs, "x", 1);
            MappedRead closedAfter;
            try (MappedRead r = fs.mapRead(x, 0, FILE)) {
                byte[] first = drainSome(r, 5000);

                InTime.call(threads, () -> {
                    fs.setattr(x, SetAttributes.NONE.withSize(0));
                    InodeId reuse = fs.create(fs.root(), "reuse", 0644, 0, 0).id();
                    fs.write(reuse, 0, ByteBuffer.wrap(bytes(9, 4 * FILE)));
                    fs.fsync(reuse);
                    return null;
                });
                assertThat(fs.getattr(x).size()).isZero();

                byte[] rest = drain(r, FILE, 5000);
                byte[] all = Arrays.copyOf(first, FILE);
                System.arraycopy(rest, 0, all, 5000, rest.length);
                assertThat(all).as("the bytes the file had when the read was mapped").isEqualTo(bytes(1, FILE));
                closedAfter = r;
            }
            closedAfter.close();
            assertThatThrownBy(() -> closedAfter.transferTo(0, new Sink(10)))
                    .isInstanceOf(ClosedChannelException.class);
        }
    }

    @Test
    void anotherNodeTruncatingAFileThisNodeHasMapped_doesNotWaitForTheClient() throws Exception {
        try (LocalLockModule locks = new LocalLockModule();
             FileBlockDevice dev = TestImages.formattedFile(tmp.resolve("img"));
             FileSystem a = FileSystems.mount(dev, MountOptions.of(0, locks));
             FileSystem b = FileSystems.mount(dev, MountOptions.of(1, locks))) {
            InodeId x = file(a, "x", 1);
            a.sync();
            try (MappedRead r = a.mapRead(x, 0, FILE)) {
                InTime.call(threads, () -> {
                    b.setattr(x, SetAttributes.NONE.withSize(0));
                    b.write(b.create(b.root(), "reuse", 0644, 0, 0).id(), 0, ByteBuffer.wrap(bytes(9, 4 * FILE)));
                    b.sync();
                    return null;
                });
                assertThat(drain(r, 65536)).isEqualTo(bytes(1, FILE));
            }
        }
    }

    private static InodeId file(FileSystem fs, String name, int seed) throws GfsException {
        InodeId f = fs.create(fs.root(), name, 0644, 0, 0).id();
        fs.write(f, 0, ByteBuffer.wrap(bytes(seed, FILE)));
        fs.fsync(f);
        return f;
    }

    private static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] drain(MappedRead r, int perCall) throws IOException {
        return drain(r, r.length(), 0, perCall);
    }

    private static byte[] drain(MappedRead r, int length, int from) throws IOException {
        return drain(r, length, from, 65536);
    }

    private static byte[] drain(MappedRead r, int length, int from, int perCall) throws IOException {
        Sink sink = new Sink(perCall);
        for (long at = from; at < length; ) {
            at += r.transferTo(at, sink);
        }
        return sink.out.toByteArray();
    }

    private static byte[] drainSome(MappedRead r, int n) throws IOException {
        Sink sink = new Sink(n);
        assertThat(r.transferTo(0, sink)).isEqualTo(n);
        return sink.out.toByteArray();
    }

    /** A channel that takes at most {@code perCall} bytes a call, like a non-blocking socket with a small buffer. */
    private static final class Sink implements WritableByteChannel {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int perCall;

        Sink(int perCall) {
            this.perCall = perCall;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(src.remaining(), perCall);
            byte[] b = new byte[n];
            src.get(b);
            out.write(b, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
