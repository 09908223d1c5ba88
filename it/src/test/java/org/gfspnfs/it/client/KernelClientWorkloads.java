package org.gfspnfs.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gfspnfs.it.server.NfsServer;
import org.gfspnfs.it.server.RepoPaths;
import org.gfspnfs.it.vm.GuestBinaries;
import org.gfspnfs.it.vm.GuestResult;
import org.gfspnfs.it.vm.GuestRun;
import org.gfspnfs.it.vm.GuestScript;
import org.gfspnfs.it.vm.KernelClient;
import org.gfspnfs.it.vm.MountStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Linux kernel client's everyday file operations (issue #4), written once and run against any {@link NfsServer}:
 * our server in {@link KernelClientWorkloadIT}, NFS-Ganesha in {@link GaneshaWorkloadCheck}. Each scenario is a guest
 * script under src/test/resources/guest that asserts inside the guest and prints {@code @@IT FAIL} lines; the console
 * of every run is kept under it/target/kernel-client/&lt;server&gt;/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KernelClientWorkloads {

    /** Per guest run; generous, because a slow server is a bench finding, not a correctness failure. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    /** 10,000 creates and removes: 15 s against Ganesha, about 3 min against our demo server on 2026-11-21. */
    private static final Duration SMALL_FILES_LIMIT = Duration.ofMinutes(15);

    protected final RepoPaths repo = RepoPaths.find();
    private NfsServer server;
    private KernelClient client;
    private Path workDir;
    private Optional<String> skipReason = Optional.empty();

    /** Starts the server under test over {@code dataDir}; called once per class. */
    protected abstract NfsServer startServer(Path dataDir, Path logDir);

    /**
     * Why the server under test cannot run on this checkout yet, if so: every scenario is then skipped with this
     * message (a JUnit assumption, one per test, so the report lists them). Empty when it can run.
     */
    protected Optional<String> notAvailableYet() {
        return Optional.empty();
    }

    /** A short name for the server, used for the log directory. */
    protected abstract String serverName();

    @BeforeAll
    void startServerAndClient() throws IOException {
        skipReason = notAvailableYet();
        if (skipReason.isPresent()) {
            return;
        }
        workDir = repo.itTarget("kernel-client/" + serverName());
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        server = startServer(workDir.resolve("server-data"), workDir);
        client = KernelClient.auto(repo.itModule(), workDir.resolve("runs"));
    }

    /** The server under test (started once per class). */
    protected NfsServer server() {
        return server;
    }

    /** The kernel client (one guest per run). */
    protected KernelClient client() {
        return client;
    }

    /** Asserts a finished guest run succeeded: exit 0, no failed check, and at least one passed. */
    protected static void assertSucceeded(GuestResult r) {
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.failures()).as(r.describe()).isEmpty();
        assertThat(r.passedChecks()).as("the guest script ran to its checks: " + r.describe()).isNotEmpty();
    }

    @BeforeEach
    void skipWhileTheServerDoesNotExist() {
        assumeTrue(skipReason.isEmpty(), () -> skipReason.orElseThrow());
    }

    @AfterAll
    void stopEverything() {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private GuestResult run(GuestRun run) {
        return run(run, RUN_LIMIT);
    }

    private GuestResult run(GuestRun run, Duration limit) {
        GuestResult r = client.run(server.target(), run.timeout(limit));
        assertSucceeded(r);
        return r;
    }

    protected GuestResult run(String script) {
        return run(GuestRun.of(GuestScript.resource(script)));
    }

    @Test
    void mount_vers41_negotiatesSessions() {
        GuestResult r = run("mount41.sh");
        MountStats.Mount mount = r.mountStats().flatMap(s -> s.at("/mnt/nfs")).orElseThrow(
                () -> new AssertionError("no mountstats for /mnt/nfs: " + r.describe()));
        assertThat(mount.opts()).contains("vers=4.1");
        assertThat(mount.sessions()).isTrue();
        assertThat(mount.ops("WRITE") + mount.ops("OPEN")).as("ops sent by create/read").isPositive();
    }

    @Test
    void hundredMegabyteFile_writtenAndReadBack_checksumMatches() {
        GuestResult r = run("bigfile.sh");
        MountStats.Mount mount = r.mountStats().flatMap(s -> s.at("/mnt/nfs")).orElseThrow(
                () -> new AssertionError("no mountstats for /mnt/nfs: " + r.describe()));
        // Mountstats as of the read-back (dd bs=1M after dropping the caches) at rsize 1 MiB: about 100 READs. A
        // server that answers a READ short of what the client asked for gets a second READ for the rest of every
        // one (twice as many): ours did, until its reply limit stopped counting 1,024 bytes of overhead where the
        // Linux client had negotiated room for 904.
        assertThat(mount.opts()).contains("rsize=1048576");
        assertThat(mount.ops("READ")).as("READ calls for a 100 MiB dd bs=1M read at rsize 1 MiB")
                .isBetween(100L, 115L);
    }

    @Test
    void mkdirP_deepAndWideTrees_readBackWhole() {
        run("deeptree.sh");
    }

    @Test
    void tenThousandSmallFiles_lsL_listsEveryOne() {
        run(GuestRun.of(GuestScript.resource("smallfiles.sh")), SMALL_FILES_LIMIT);
    }

    @Test
    void rename_withinAndAcrossDirectories_andOntoExistingFile() {
        run("rename.sh");
    }

    @Test
    void hardLinks_countFollowsLinkAndUnlink_symlinksReadBack() {
        run("links.sh");
    }

    @Test
    void chmodChownTouch_attributesStoredByServer() {
        run("attrs.sh");
    }

    @Test
    void truncate_upReadsZeros_downKeepsHead() {
        run("truncate.sh");
    }

    @Test
    void append_concurrentAppenders_loseNoLine() {
        run("append.sh");
    }

    @Test
    void rmR_populatedTree_leavesNothing() {
        run("rmr.sh");
    }

    @Test
    void byteRangeLocks_twoGuestProcesses_conflictOnOverlapOnly() {
        Path lockprobe = GuestBinaries.lockprobe(workDir.resolve("bin"));
        run(GuestRun.of(GuestScript.resource("locks.sh")).file(lockprobe));
    }

    @Test
    void twoWriters_differentFilesAtOnce_bothIntact() {
        run("twowriters.sh");
    }

    @Test
    void umount_isClean_andRemountSeesData() {
        run("umount.sh");
    }

    @Test
    void serverRestart_remountSeesAllFsyncedData() throws IOException {
        String tag = "restart" + System.nanoTime();
        GuestResult written = run(GuestRun.of(GuestScript.resource("durable-write.sh")).env("DURABLE_TAG", tag));
        Map<String, String> expected = written.values();
        assertThat(expected).as("phase 1 reported its checksums").containsKeys("big", "dir-count", "renamed");

        server.restart();

        Path inGuest = workDir.resolve("expected");   // the guest sees /files/expected
        Files.writeString(inGuest, expected.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        run(GuestRun.of(GuestScript.resource("durable-verify.sh")).env("DURABLE_TAG", tag).file(inGuest));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
