package org.gfspnfs.mds.layout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gfspnfs.nfs41.compound.FileHandle;
import org.gfspnfs.nfs41.pnfs.LayoutIoMode;
import org.gfspnfs.nfs41.pnfs.LayoutState;
import org.gfspnfs.nfs41.pnfs.LayoutStateTable;
import org.gfspnfs.nfs41.state.StateId;
import org.gfspnfs.nfs41.state.StateManager;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.OpenModeException;
import org.gfspnfs.nfs41.vfs.Inode;

/**
 * The MDS's answer to a data server asking whether a stateid may do I/O on a file (RFC 8881 section 13.9.1: MDS
 * and data servers agree on stateid validity). A stateid is valid on a data server only while its client holds a
 * layout of the file that is not revoked, and it is one of that client's open/lock stateids for the file (or its
 * layout stateid); a WRITE needs a write open and a READ_WRITE layout. Refusals say why, so the data server returns
 * the status RFC 8881 section 15.1.5 prescribes: unknown BAD_STATEID, client gone EXPIRED, layout revoked
 * ADMIN_REVOKED. The special stateids (anonymous, read bypass) are refused: they name no client, so no layout
 * could vouch for them. Thread safe; never blocks on clients.
 */
public final class DataServerStateCheck {
    /** What the data server should answer. */
    public enum Result { VALID, BAD_STATEID, EXPIRED, ADMIN_REVOKED, OPEN_MODE }

    /** A verdict and the client the stateid belongs to (0 when unknown). */
    public record Verdict(Result result, long clientId) {
        public boolean valid() {
            return result == Result.VALID;
        }
    }

    private static final int REMEMBERED = 4096;

    private final LayoutStateTable layouts;
    private final StateManager states;
    private final Map<Long, Long> ownerOfStateid = bounded();
    private final Map<Long, Boolean> goneClients = bounded();

    DataServerStateCheck(LayoutStateTable layouts, StateManager states) {
        this.layouts = layouts;
        this.states = states;
    }

    /** Checks {@code stateid} (seqid + other, 16 bytes) for I/O on the file named by the MDS handle. */
    public Verdict check(byte[] mdsFileHandle, StateId stateid, boolean write) {
        Inode inode;
        try {
            inode = FileHandle.fromBytes(mdsFileHandle).inode();
        } catch (NfsException e) {
            return new Verdict(Result.BAD_STATEID, 0);
        }
        for (LayoutStateTable.Holding h : layouts.holders(inode)) {
            Result r = match(h, stateid, inode, write);
            if (r != null) {
                if (r == Result.VALID) {
                    remember(stateid, h.clientId());
                }
                return new Verdict(r, h.clientId());
            }
        }
        return forgotten(stateid, inode);
    }

    /** The client's state is gone: its stateids are EXPIRED from now on. */
    void clientGone(long clientId) {
        synchronized (goneClients) {
            goneClients.put(clientId, Boolean.TRUE);
        }
    }

    /** VALID/refusal when the stateid belongs to this holder, null when it is someone else's. */
    private Result match(LayoutStateTable.Holding h, StateId sid, Inode inode, boolean write) {
        boolean mine;
        boolean openMode = false;
        if (LayoutStateTable.isLayoutStateid(sid)) {
            mine = h.stateid().number() == sid.number() && h.stateid().epoch() == sid.epoch();
        } else if (sid.isSpecial()) {
            mine = false;
        } else {
            try {
                states.checkIo(h.clientId(), sid, inode, write);
                mine = true;
            } catch (OpenModeException e) {
                mine = true;
                openMode = true;
            } catch (NfsException e) {
                mine = false;
            }
        }
        if (!mine) {
            return null;
        }
        if (h.state() == LayoutState.REVOKED) {
            return Result.ADMIN_REVOKED;
        }
        boolean rw = h.ranges().stream().anyMatch(r -> r.ioMode() == LayoutIoMode.READ_WRITE);
        if (openMode || (write && !rw)) {
            return Result.OPEN_MODE;
        }
        return Result.VALID;
    }

    /** A stateid no current layout holder owns: why it is not valid (any more). */
    private Verdict forgotten(StateId sid, Inode inode) {
        Long owner;
        synchronized (ownerOfStateid) {
            owner = ownerOfStateid.get(sid.number());
        }
        if (owner == null) {
            return new Verdict(Result.BAD_STATEID, 0);
        }
        boolean gone;
        synchronized (goneClients) {
            gone = goneClients.containsKey(owner);
        }
        if (gone) {
            return new Verdict(Result.EXPIRED, owner);
        }
        // The client is alive but holds no layout of the file any more: returned or revoked and freed.
        return new Verdict(Result.BAD_STATEID, owner);
    }

    private void remember(StateId sid, long clientId) {
        synchronized (ownerOfStateid) {
            ownerOfStateid.put(sid.number(), clientId);
        }
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
