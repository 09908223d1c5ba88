package org.gfspnfs.nfs41.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gfspnfs.nfs41.fixture.Nfs41TestClient.expectOk;

import java.time.Clock;

import org.gfspnfs.nfs41.compound.EngineConfig;
import org.gfspnfs.nfs41.fixture.InMemoryFileSystem;
import org.gfspnfs.nfs41.fixture.Nfs41TestClient;
import org.gfspnfs.nfs41.fixture.Ops;
import org.gfspnfs.nfs41.fixture.TestServer;
import org.gfspnfs.nfs41.status.NfsStat;
import org.gfspnfs.nfs41.vfs.Caller;
import org.gfspnfs.nfs41.vfs.FileType;
import org.junit.jupiter.api.Test;

/** exports(5) rules as a client sees them: read-only, root squashing, exports not shared with the client. */
class ExportRulesTest {

    private static TestServer serve(String exports) throws Exception {
        InMemoryFileSystem fs = TestServer.newFs(Clock.systemUTC());
        fs.create(fs.root(), "private", FileType.DIRECTORY, 0755, new Caller(0, 0, new int[0]), 0, 0);
        fs.create(fs.root(), "rootonly", FileType.DIRECTORY, 0755, new Caller(0, 0, new int[0]), 0, 0);
        return TestServer.start(Clock.systemUTC(), exports, EngineConfig.defaults(), fs, null);
    }

    @Test
    void readOnlyExport_refusesWrites_withRofs() throws Exception {
        try (TestServer s = serve("/export 127.0.0.1(ro,no_root_squash)\n");
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "ro").mount()) {
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export"), Ops.getattr(1)));
            assertThat(c.session(Ops.putRootFh(), Ops.lookup("export"), Ops.mkdir("d", AttrValues.mode(0755)))
                    .status).isEqualTo(NfsStat.NFS4ERR_ROFS);
            assertThat(c.session(Ops.putRootFh(), Ops.mkdir("d", AttrValues.mode(0755))).status)
                    .as("the pseudo area above the exports is read-only").isEqualTo(NfsStat.NFS4ERR_ROFS);
        }
    }

    @Test
    void rootSquash_makesRootAnonymous() throws Exception {
        try (TestServer s = serve("/rootonly 127.0.0.1(rw,root_squash)\n");
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "squashed").mount()) {
            assertThat(c.session(Ops.putRootFh(), Ops.lookup("rootonly"), Ops.mkdir("d", AttrValues.mode(0755)))
                    .status).isEqualTo(NfsStat.NFS4ERR_ACCESS);
        }
        try (TestServer s = serve("/rootonly 127.0.0.1(rw,no_root_squash)\n");
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "root").mount()) {
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("rootonly"), Ops.mkdir("d", AttrValues.mode(0755))));
        }
    }

    @Test
    void exportForOtherHosts_isHidden() throws Exception {
        try (TestServer s = serve("/export 127.0.0.1(rw)\n/private 10.0.0.0/8(rw)\n");
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "outsider").mount()) {
            expectOk(c.session(Ops.putRootFh(), Ops.lookup("export")));
            assertThat(c.session(Ops.putRootFh(), Ops.lookup("private")).status).isEqualTo(NfsStat.NFS4ERR_NOENT);
        }
        try (TestServer s = serve("/private 10.0.0.0/8(rw)\n");
             Nfs41TestClient c = Nfs41TestClient.connect(s.address(), "nobody").mount()) {
            assertThat(c.session(Ops.putRootFh(), Ops.getattr(1)).status).isEqualTo(NfsStat.NFS4ERR_ACCESS);
        }
    }
}
