package org.gfspnfs.control.spi;

import java.util.Optional;

import org.gfspnfs.control.api.NotServedException;

/**
 * Everything a node plugs into its control-channel server: one provider per concern, each optional. A procedure whose
 * provider is absent answers NOT_SERVED (e.g. NFS queries on a node without the MDS role). Build with
 * {@link #builder()}; the node daemon adapts membership, dlm-bridge, gfs-layout and pnfs-mds to these interfaces.
 */
public final class ControlProviders {
    private final MembershipView membership;
    private final LockspaceView lockspaces;
    private final FilesystemView filesystems;
    private final NfsStateView nfsState;
    private final FencingControl fencing;
    private final NfsStateControl nfsControl;
    private final LockspaceControl lockspaceControl;
    private final StateidAuthority stateidAuthority;
    private final RevocationListener revocations;
    private final DataServerWritePath writePath;

    private ControlProviders(Builder b) {
        membership = b.membership;
        lockspaces = b.lockspaces;
        filesystems = b.filesystems;
        nfsState = b.nfsState;
        fencing = b.fencing;
        nfsControl = b.nfsControl;
        lockspaceControl = b.lockspaceControl;
        stateidAuthority = b.stateidAuthority;
        revocations = b.revocations;
        writePath = b.writePath;
    }

    public static Builder builder() {
        return new Builder();
    }

    public MembershipView membership() throws NotServedException {
        return require(membership, "membership");
    }

    public LockspaceView lockspaces() throws NotServedException {
        return require(lockspaces, "dlm lockspaces");
    }

    public FilesystemView filesystems() throws NotServedException {
        return require(filesystems, "filesystem");
    }

    public NfsStateView nfsState() throws NotServedException {
        return require(nfsState, "NFS state (no MDS role on this node)");
    }

    public FencingControl fencing() throws NotServedException {
        return require(fencing, "fencing");
    }

    public NfsStateControl nfsControl() throws NotServedException {
        return require(nfsControl, "NFS state control (no MDS role on this node)");
    }

    public LockspaceControl lockspaceControl() throws NotServedException {
        return require(lockspaceControl, "lockspace control");
    }

    public StateidAuthority stateidAuthority() throws NotServedException {
        return require(stateidAuthority, "stateid validation (this node is not the MDS)");
    }

    public RevocationListener revocations() throws NotServedException {
        return require(revocations, "revocation (no DS role on this node)");
    }

    public DataServerWritePath writePath() throws NotServedException {
        return require(writePath, "the data-server write path (this node is not the MDS)");
    }

    private static <T> T require(T provider, String what) throws NotServedException {
        return Optional.ofNullable(provider)
                .orElseThrow(() -> new NotServedException(what + " is not served on this node"));
    }

    /** Collects the providers; every setter is optional. */
    public static final class Builder {
        private MembershipView membership;
        private LockspaceView lockspaces;
        private FilesystemView filesystems;
        private NfsStateView nfsState;
        private FencingControl fencing;
        private NfsStateControl nfsControl;
        private LockspaceControl lockspaceControl;
        private StateidAuthority stateidAuthority;
        private RevocationListener revocations;
        private DataServerWritePath writePath;

        private Builder() {
        }

        public Builder membership(MembershipView v) {
            membership = v;
            return this;
        }

        public Builder lockspaces(LockspaceView v) {
            lockspaces = v;
            return this;
        }

        public Builder filesystems(FilesystemView v) {
            filesystems = v;
            return this;
        }

        public Builder nfsState(NfsStateView v) {
            nfsState = v;
            return this;
        }

        public Builder fencing(FencingControl v) {
            fencing = v;
            return this;
        }

        public Builder nfsControl(NfsStateControl v) {
            nfsControl = v;
            return this;
        }

        public Builder lockspaceControl(LockspaceControl v) {
            lockspaceControl = v;
            return this;
        }

        public Builder stateidAuthority(StateidAuthority v) {
            stateidAuthority = v;
            return this;
        }

        public Builder revocations(RevocationListener v) {
            revocations = v;
            return this;
        }

        public Builder writePath(DataServerWritePath v) {
            writePath = v;
            return this;
        }

        public ControlProviders build() {
            return new ControlProviders(this);
        }
    }
}
