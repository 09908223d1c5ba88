package org.gfspnfs.bench.nfs;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gfspnfs.nfs41.attr.Attr;
import org.gfspnfs.nfs41.status.NfsStat;

/**
 * Host-side NFSv4.1 load generator: speaks the standard protocol (sessions, OPEN/WRITE/READ/COMMIT/CLOSE,
 * READDIR, layouts), so it drives our server and NFS-Ganesha unchanged. Runs the workloads of
 * {@link LoadGenOptions} in order and prints one {@link Metric} line each, plus the loopback TCP ceiling.
 * With {@code --pnfs} the sequential workloads go through files layouts to the data servers; if the server offers
 * no layouts the pNFS lines say {@code status=n/a} with the reason.
 *
 * <p>Exit status: 0 all measured, 1 a workload failed (the {@code error} line names the NFS status and
 * operation), 2 bad arguments.
 */
public final class LoadGen {
    private static final String TREE = "tree";
    /**
     * Untimed READDIR listings per --client-warmup pass before the timed ones. At 5 (10 with the default 2 passes)
     * the timed listings of a fresh generator against a warm server still went from 22 to 8 ms apiece as this JVM
     * compiled its decoder; after 40 they start at the 8-10 ms they keep (2026-11-23).
     */
    private static final int READDIR_WARMUP_LISTINGS = 20;
    private final LoadGenOptions o;
    private final PrintStream out;
    private boolean treeFilled;

    public LoadGen(LoadGenOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LoadGenOptions options;
        try {
            options = LoadGenOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new LoadGen(options, System.out).run();
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.out.println("error server=" + options.server().getHostString() + ":" + options.server().getPort()
                    + " message=\"" + e.getMessage() + "\"");
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /** Runs every workload, printing each metric as it is measured. */
    public List<Metric> run() throws IOException {
        List<Metric> metrics = new ArrayList<>();
        if (o.tcpSeconds().toMillis() > 0 && (o.workloads().contains("seq-write") || o.workloads().contains("seq-read"))) {
            for (int streams : o.streams()) {
                emit(metrics, TcpCeiling.measure(o.tcpSeconds(), streams));
                if (o.storeDir() != null) {
                    emit(metrics, StoreCeiling.measure(o.tcpSeconds(), streams, o.size(), o.storeDir()));
                }
            }
        }
        String owner = "gfspnfs-loadgen-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        NfsSession.Options sessionOptions = NfsSession.Options.defaults(owner).withConnections(o.nconnect());
        try (NfsSession session = NfsSession.connect(o.server(), sessionOptions);
             PnfsClient pnfs = new PnfsClient(new FileClient(session), sessionOptions)) {
            FileClient client = pnfs.mds();
            byte[] root = client.lookupPath(o.export());
            byte[] work = client.mkdirs(root, o.workDir());
            int ioSize = ioSize(client, root);
            runWorkloads(metrics, client, pnfs, work, ioSize);
            if (!o.keep()) {
                NfsSession.await(client.removeAsync(root, o.workDir()));
            }
        }
        return metrics;
    }

    private void runWorkloads(List<Metric> metrics, FileClient client, PnfsClient pnfs, byte[] work, int ioSize)
            throws IOException {
        String pnfsUnavailable = o.pnfs() ? pnfsUnavailable(client) : null;
        FileIo.Factory files = o.pnfs() ? pnfs.factory(work) : MdsFileIo.factory(client, work);
        String prefix = o.pnfs() ? "pnfs-" : "";
        Set<String> created = new HashSet<>();
        for (String w : o.workloads()) {
            switch (w) {
                case "seq-write", "seq-read" -> {
                    for (int streams : o.streams()) {
                        if (pnfsUnavailable != null) {
                            out.println("metric=" + prefix + w + " streams=" + streams + " status=n/a reason=\""
                                    + pnfsUnavailable + "\"");
                            continue;
                        }
                        int depth = o.depth() > 0 ? o.depth()
                                : Math.max(2, Math.min(16, client.session().slots() / streams));
                        SequentialWorkload seq = new SequentialWorkload(files, ioSize, depth);
                        try {
                            sequential(metrics, seq, w, prefix, streams, created, client, pnfs, work);
                        } catch (NfsStatusException e) {
                            if (!o.pnfs() || !isLayoutRefusal(e)) {
                                throw e;
                            }
                            pnfsUnavailable = e.getMessage();
                            out.println("metric=" + prefix + w + " streams=" + streams + " status=n/a reason=\""
                                    + pnfsUnavailable + "\"");
                        }
                    }
                }
                case "creates", "readdir" -> metadata(metrics, client, work, w);
                case "rand4k" -> {
                    RandomIoWorkload rand = new RandomIoWorkload(files, Math.min(16, client.session().slots()));
                    for (Metric m : rand.run("rand", o.randFile(), o.randOps(), ioSize)) {
                        emit(metrics, rename(m, prefix));
                    }
                    cleanup(client, work, "rand");
                }
                default -> throw new IllegalArgumentException(w);
            }
        }
        finishTree(metrics, client, work);
        for (String name : created) {
            cleanup(client, work, name);
        }
    }

    private void sequential(List<Metric> metrics, SequentialWorkload seq, String w, String prefix, int streams,
                            Set<String> created, FileClient client, PnfsClient pnfs, byte[] work)
            throws IOException {
        boolean write = w.equals("seq-write");
        if (!write && !created.contains(SequentialWorkload.fileName(streams, 0))) {
            seq.write("prepare", streams, o.size());   // files to read; not reported
        }
        for (int i = 0; i < streams; i++) {
            created.add(SequentialWorkload.fileName(streams, i));
        }
        warmClient(seq, write, streams, client, work);
        long mdsBefore = client.dataBytes();
        long dsBefore = pnfs.dataServerBytes();
        Metric m = write ? seq.write(prefix + w, streams, o.size()) : seq.read(prefix + w, streams, o.size());
        if (o.pnfs()) {
            m = new Metric(m.name(), m.streams(), m.bytes(), m.ops(), m.nanos(), m.extra() + " mds_data_bytes="
                    + (client.dataBytes() - mdsBefore) + " ds_data_bytes=" + (pnfs.dataServerBytes() - dsBefore)
                    + " data_servers=" + pnfs.dataServerCount());
        }
        emit(metrics, m);
    }

    /**
     * Untimed passes of the workload about to be measured, in this JVM: each measurement otherwise ran this
     * generator's per-request code cold (interpreted, then C1) while the TCP ceiling it is compared with is one
     * trivial loop. Against a warmed server, one-stream 1 GiB writes from fresh generator JVMs ran at 1.1-2.0 GB/s
     * and from the third round of one JVM on at 2.1-2.8 GB/s. Writes go to files of their own, removed before the
     * measured run (which then creates its files as a cold run does); reads read the measured files.
     */
    private void warmClient(SequentialWorkload seq, boolean write, int streams, FileClient client, byte[] work)
            throws IOException {
        if (o.clientWarmup() == 0) {
            return;
        }
        SequentialWorkload warm = seq.named("warmup-");
        for (int pass = 0; pass < o.clientWarmup(); pass++) {
            if (write) {
                warm.write("warmup", streams, o.size());
            } else {
                seq.read("warmup", streams, o.size());
            }
        }
        if (write) {
            for (int i = 0; i < streams; i++) {
                NfsSession.await(client.removeAsync(work, warm.file(streams, i)));
            }
        }
    }

    /** creates: timed and printed; readdir: fills the directory first (untimed) if creates did not run. */
    private void metadata(List<Metric> metrics, FileClient client, byte[] work, String w) throws IOException {
        MetadataWorkload meta = new MetadataWorkload(client, Math.min(32, client.session().slots()));
        byte[] tree = client.mkdirs(work, TREE);
        if (!treeFilled) {
            Metric m = meta.creates(tree, o.files());
            treeFilled = true;
            if (w.equals("creates")) {
                emit(metrics, m);
            }
        }
        if (w.equals("readdir")) {
            if (o.clientWarmup() > 0) {
                // Untimed listings first, for this JVM's own JIT: during a fresh generator's fill and listings of 10k
                // entries, perf found its C2 compiler in as many CPU samples as the whole server.
                meta.readdir(tree, o.files(), READDIR_WARMUP_LISTINGS * o.clientWarmup());
            }
            emit(metrics, meta.readdir(tree, o.files(), o.listings()));
        }
    }

    /** Removes the files of the metadata workloads (timed, printed) and their directory. */
    private void finishTree(List<Metric> metrics, FileClient client, byte[] work) throws IOException {
        if (!treeFilled || o.keep()) {
            return;
        }
        byte[] tree = client.mkdirs(work, TREE);
        emit(metrics, new MetadataWorkload(client, Math.min(32, client.session().slots())).removes(tree, o.files()));
        cleanup(client, work, TREE);
    }

    private static Metric rename(Metric m, String prefix) {
        return new Metric(prefix + m.name(), m.streams(), m.bytes(), m.ops(), m.nanos(), m.extra());
    }

    private void cleanup(FileClient client, byte[] dir, String name) throws IOException {
        if (!o.keep()) {
            NfsSession.await(client.removeAsync(dir, name));
        }
    }

    /** Why layouts cannot be used, or null: the server must announce itself as an MDS (RFC 8881 section 13.1). */
    private static String pnfsUnavailable(FileClient client) {
        if ((client.session().serverFlags() & NfsSession.FLAG_USE_PNFS_MDS) == 0) {
            return "server does not offer pNFS (EXCHANGE_ID flags 0x"
                    + Integer.toHexString(client.session().serverFlags()) + " lack EXCHGID4_FLAG_USE_PNFS_MDS)";
        }
        return null;
    }

    private static boolean isLayoutRefusal(NfsStatusException e) {
        return e.opnum() == org.gfspnfs.nfs41.xdr.Op.LAYOUTGET
                && (e.status() == NfsStat.NFS4ERR_LAYOUTUNAVAILABLE || e.status() == NfsStat.NFS4ERR_UNKNOWN_LAYOUTTYPE
                || e.status() == NfsStat.NFS4ERR_NOTSUPP || e.status() == NfsStat.NFS4ERR_LAYOUTTRYLATER);
    }

    /** 1 MiB (or --io-size), no more than the server's maxread/maxwrite and the session's message sizes. */
    private int ioSize(FileClient client, byte[] root) throws IOException {
        Map<Integer, Object> a = client.getattr(root, Attr.MAXREAD, Attr.MAXWRITE);
        long max = o.ioSize() > 0 ? o.ioSize() : 1 << 20;
        for (int attr : new int[] {Attr.MAXREAD, Attr.MAXWRITE}) {
            Object v = a.get(attr);
            if (v instanceof Long l && l > 0) {
                max = Math.min(max, l);
            }
        }
        NfsSession s = client.session();
        max = Math.min(max, Math.min(s.maxRequestSize(), s.maxResponseSize()) - 1024);
        return (int) Math.max(4096, max / 4096 * 4096);
    }

    private void emit(List<Metric> metrics, Metric m) {
        metrics.add(m);
        out.println(m.line());
        out.flush();
    }
}
