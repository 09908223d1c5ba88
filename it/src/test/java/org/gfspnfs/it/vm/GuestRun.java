package org.gfspnfs.it.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guest run to make: the script, its environment, the host files it gets (under /files/ in the guest), whether
 * the harness mounts the export first, and the wall-clock bound after which the VM is killed.
 */
public final class GuestRun {

    private final GuestScript script;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Path> files = new ArrayList<>();
    private Duration timeout = Duration.ofMinutes(5);
    private boolean mount = true;
    private int memoryMib;

    private GuestRun(GuestScript script) {
        this.script = Objects.requireNonNull(script);
    }

    public static GuestRun of(GuestScript script) {
        return new GuestRun(script);
    }

    /** Exported to the guest script (KEY must be a shell identifier). */
    public GuestRun env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** A host file the guest sees as /files/&lt;name&gt; (mode kept, so a static binary stays executable). */
    public GuestRun file(Path hostFile) {
        files.add(hostFile);
        return this;
    }

    public GuestRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Guest memory, MiB (0: the run script's default, 1024). */
    public GuestRun memoryMib(int mib) {
        if (mib < 0) {
            throw new IllegalArgumentException("guest memory " + mib + " MiB");
        }
        this.memoryMib = mib;
        return this;
    }

    /** Boot and run without mounting; the script may mount itself with {@code vmc_mount}. */
    public GuestRun noMount() {
        this.mount = false;
        return this;
    }

    GuestScript script() {
        return script;
    }

    Map<String, String> env() {
        return env;
    }

    List<Path> files() {
        return files;
    }

    Duration timeout() {
        return timeout;
    }

    boolean mount() {
        return mount;
    }

    int memoryMib() {
        return memoryMib;
    }
}
