package org.gfspnfs.it.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NFS mounts in a /proc/self/mountstats dump (format: the kernel's fs/nfs/super.c nfs_show_stats, statvers 1.1)
 * with what the tests assert on: the mount options, the NFSv4 capabilities line (sessions, pnfs=LAYOUT type) and the
 * per-operation RPC counts (e.g. LAYOUTGET and GETDEVICEINFO for pNFS).
 */
public final class MountStats {

    private final List<Mount> mounts;

    private MountStats(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /**
     * One NFS mount: where, with which options, how many times each operation was sent, the event counters
     * ({@code events:}, include/linux/nfs_iostat.h order) and how many RPC transports the mount's own client has
     * ({@code xprt:} lines: the MDS connections; pNFS data-server connections belong to separate nfs_clients and are
     * not listed).
     *
     * <p>Mind (6.1 kernel, seen with our files layout): the per-op READ/WRITE counts include the I/O sent to the
     * data servers, the pNFS share is in the PNFS_READ/PNFS_WRITE events; and a layout that came inside the OPEN
     * compound (layoutget-on-open) is not counted under LAYOUTGET.
     */
    public record Mount(String device, String mountPoint, String fstype, String opts, String nfsv4,
                        Map<String, Long> opCounts, Map<String, Long> opErrors, List<Long> events, int xprts) {

        /** How many of {@code op}'s calls ended in an error (the last per-op column of statvers 1.1; 0 if absent). */
        public long errors(String op) {
            ops(op);
            return opErrors.getOrDefault(op, 0L);
        }

        /** Index of NFSIOS_PNFS_READ in the events line (enum nfs_stat_eventcounters). */
        static final int PNFS_READ_EVENT = 25;
        /** Index of NFSIOS_PNFS_WRITE. */
        static final int PNFS_WRITE_EVENT = 26;

        /** READ RPCs the client sent to a pNFS data server (NFSIOS_PNFS_READ). */
        public long pnfsReads() {
            return event(PNFS_READ_EVENT);
        }

        /** WRITE RPCs the client sent to a pNFS data server (NFSIOS_PNFS_WRITE). */
        public long pnfsWrites() {
            return event(PNFS_WRITE_EVENT);
        }

        private long event(int index) {
            if (index >= events.size()) {
                throw new IllegalArgumentException("mountstats events line has " + events.size()
                        + " counters, no index " + index);
            }
            return events.get(index);
        }

        /** How many times the client sent {@code op} (e.g. "LAYOUTGET"); 0 if the kernel lists it as unused. */
        public long ops(String op) {
            Long n = opCounts.get(op);
            if (n == null) {
                throw new IllegalArgumentException("mountstats has no per-op line for " + op + "; known: "
                        + opCounts.keySet());
            }
            return n;
        }

        public boolean sessions() {
            return List.of(nfsv4.split(",")).contains("sessions");
        }

        /** The layout type the server offered ("LAYOUT_NFSV4_1_FILES", ...), or "not configured". */
        public String pnfs() {
            for (String item : nfsv4.split(",")) {
                if (item.startsWith("pnfs=")) {
                    return item.substring("pnfs=".length());
                }
            }
            return "";
        }
    }

    public static MountStats parse(String text) {
        List<Mount> out = new ArrayList<>();
        Builder current = null;
        boolean inOps = false;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (raw.startsWith("device ")) {
                addIfNfs(out, current);
                current = Builder.from(line);
                inOps = false;
            } else if (current != null && line.startsWith("opts:")) {
                current.opts = line.substring("opts:".length()).strip();
            } else if (current != null && line.startsWith("nfsv4:")) {
                current.nfsv4 = line.substring("nfsv4:".length()).strip();
            } else if (current != null && line.startsWith("events:")) {
                current.events = numbers(line.substring("events:".length()));
            } else if (current != null && line.startsWith("xprt:")) {
                current.xprts++;
            } else if (current != null && line.equals("per-op statistics")) {
                inOps = true;
            } else if (current != null && inOps && line.contains(":")) {
                int colon = line.indexOf(':');
                String[] numbers = line.substring(colon + 1).strip().split("\\s+");
                if (numbers.length > 0 && !numbers[0].isEmpty()) {
                    String op = line.substring(0, colon).strip();
                    current.ops.put(op, Long.parseLong(numbers[0]));
                    if (numbers.length >= 9) {       // ops trans timeouts bytes-out bytes-in queue rtt execute errors
                        current.errors.put(op, Long.parseLong(numbers[8]));
                    }
                }
            }
        }
        addIfNfs(out, current);
        return new MountStats(out);
    }

    private static List<Long> numbers(String text) {
        List<Long> out = new ArrayList<>();
        for (String n : text.strip().split("\\s+")) {
            if (!n.isEmpty()) {
                out.add(Long.parseLong(n));
            }
        }
        return out;
    }

    public List<Mount> mounts() {
        return mounts;
    }

    /** The (last listed) NFS mount on {@code mountPoint}, e.g. "/mnt/nfs". */
    public Optional<Mount> at(String mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void addIfNfs(List<Mount> out, Builder b) {
        if (b != null && b.fstype.startsWith("nfs")) {
            out.add(new Mount(b.device, b.mountPoint, b.fstype, b.opts, b.nfsv4, Map.copyOf(b.ops),
                    Map.copyOf(b.errors), List.copyOf(b.events), b.xprts));
        }
    }

    private static final class Builder {
        String device = "";
        String mountPoint = "";
        String fstype = "";
        String opts = "";
        String nfsv4 = "";
        final Map<String, Long> ops = new LinkedHashMap<>();
        final Map<String, Long> errors = new LinkedHashMap<>();
        List<Long> events = List.of();
        int xprts;

        /** "device 10.77.1.1:/ mounted on /mnt/nfs with fstype nfs4 statvers=1.1" */
        static Builder from(String line) {
            Builder b = new Builder();
            int on = line.indexOf(" mounted on ");
            int with = line.indexOf(" with fstype ");
            if (on > 0 && with > on) {
                b.device = line.substring("device ".length(), on);
                b.mountPoint = line.substring(on + " mounted on ".length(), with);
                b.fstype = line.substring(with + " with fstype ".length()).split("\\s+")[0];
            }
            return b;
        }
    }
}
