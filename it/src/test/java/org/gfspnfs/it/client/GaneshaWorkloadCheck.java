package org.gfspnfs.it.client;

import java.nio.file.Path;
import org.gfspnfs.it.server.GaneshaServer;
import org.gfspnfs.it.server.NfsServer;

/**
 * The same workloads against the reference server, NFS-Ganesha (scripts/ganesha.sh; installs the Debian packages on
 * first use, needs root). Not an IT on purpose: CI must not depend on Ganesha. Run it by hand to check a guest script
 * or the harness against a known-good server:
 * <pre>
 *   mvn -B -pl it verify -Dit.test=GaneshaWorkloadCheck
 * </pre>
 */
class GaneshaWorkloadCheck extends KernelClientWorkloads {

    @Override
    protected NfsServer startServer(Path dataDir, Path logDir) {
        return GaneshaServer.start(repo, dataDir);
    }

    @Override
    protected String serverName() {
        return "ganesha";
    }
}
