package org.gfspnfs.nfs41.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gfspnfs.nfs41.status.ClidInUseException;
import org.gfspnfs.nfs41.status.ClientidBusyException;
import org.gfspnfs.nfs41.status.NfsException;
import org.gfspnfs.nfs41.status.NoEntException;
import org.gfspnfs.nfs41.status.NotSameException;
import org.gfspnfs.nfs41.status.PermException;
import org.gfspnfs.nfs41.status.StaleClientidException;

/**
 * All client records, and the EXCHANGE_ID decision table of RFC 8881 section 18.35.5. Client ids carry the
 * server epoch in their upper 32 bits, so an id from before a restart is recognised as stale. When a record
 * ends (expiry, DESTROY_CLIENTID, replacement by a rebooted client) the registered listeners release its state.
 */
public final class ClientRegistry {
    private final Clock clock;
    private final int epoch;
    private final Map<Long, NfsClient> byId = new HashMap<>();
    private final List<Consumer<NfsClient>> endListeners = new CopyOnWriteArrayList<>();
    private int nextId = 1;

    public ClientRegistry(Clock clock, int epoch) {
        this.clock = clock;
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }

    /** Called (outside the registry lock) whenever a client record ends. */
    public void onClientEnd(Consumer<NfsClient> listener) {
        endListeners.add(listener);
    }

    /** The outcome of EXCHANGE_ID: the record and whether it is already confirmed. */
    public record Exchange(NfsClient client, boolean confirmed) {
    }

    /** RFC 8881 18.35.5: find, update or create the record for a client owner. */
    public Exchange exchangeId(byte[] ownerId, byte[] verifier, String principal, int flags, boolean update)
            throws NfsException {
        List<NfsClient> ended = new ArrayList<>();
        Exchange result;
        synchronized (this) {
            NfsClient confirmed = find(ownerId, ClientState.CONFIRMED);
            NfsClient unconfirmed = find(ownerId, ClientState.UNCONFIRMED);
            if (update) {
                if (confirmed == null) {
                    throw new NoEntException("no confirmed client to update");
                }
                if (!Arrays.equals(confirmed.verifier(), verifier)) {
                    throw new NotSameException("verifier changed");
                }
                if (!confirmed.principal().equals(principal)) {
                    throw new PermException("principal changed");
                }
                return new Exchange(confirmed, true);
            }
            if (confirmed != null && Arrays.equals(confirmed.verifier(), verifier)
                    && confirmed.principal().equals(principal)) {
                return new Exchange(confirmed, true);
            }
            if (confirmed != null && !confirmed.principal().equals(principal)) {
                // Client collision (RFC 8881 18.35.5 case 3): another principal claims the owner name.
                if (!confirmed.sessions().isEmpty()) {
                    throw new ClidInUseException("owner in use by another principal");
                }
                remove(confirmed, ClientState.DESTROYED);
                ended.add(confirmed);
            }
            if (unconfirmed != null) {
                remove(unconfirmed, ClientState.DESTROYED);
                ended.add(unconfirmed);
            }
            long id = ((long) epoch << 32) | (nextId++ & 0xffffffffL);
            NfsClient created = new NfsClient(id, ownerId, verifier, principal, 1, flags, clock.millis());
            byId.put(id, created);
            result = new Exchange(created, false);
        }
        ended.forEach(this::fireEnd);
        return result;
    }

    /** The record for a client id: STALE_CLIENTID if unknown, from an earlier epoch, or ended. */
    public synchronized NfsClient get(long clientId) throws NfsException {
        NfsClient c = byId.get(clientId);
        if (c == null) {
            throw new StaleClientidException("unknown client id " + Long.toHexString(clientId));
        }
        return c;
    }

    /**
     * Confirms a record at its first CREATE_SESSION, replacing a confirmed record of the same owner (the client
     * rebooted: its old state is released).
     */
    public void confirm(NfsClient client, String principal) throws NfsException {
        NfsClient old;
        synchronized (this) {
            if (client.state() == ClientState.CONFIRMED) {
                return;
            }
            if (!client.principal().equals(principal)) {
                throw new ClidInUseException("CREATE_SESSION from another principal");
            }
            old = find(client.ownerId(), ClientState.CONFIRMED);
            if (old != null) {
                remove(old, ClientState.DESTROYED);
            }
            client.moveTo(ClientState.CONFIRMED);
        }
        if (old != null) {
            fireEnd(old);
        }
    }

    /** DESTROY_CLIENTID (RFC 8881 18.50): only a client without sessions. */
    public void destroy(long clientId) throws NfsException {
        NfsClient c;
        synchronized (this) {
            c = get(clientId);
            if (!c.sessions().isEmpty()) {
                throw new ClientidBusyException("client still has sessions");
            }
            remove(c, ClientState.DESTROYED);
        }
        fireEnd(c);
    }

    /** Expires every idle client whose lease ran out; returns them. */
    public List<NfsClient> expire(long leaseMillis) {
        long now = clock.millis();
        List<NfsClient> expired = new ArrayList<>();
        synchronized (this) {
            for (NfsClient c : List.copyOf(byId.values())) {
                if (!c.busy() && now - c.lastRenewMillis() > leaseMillis) {
                    remove(c, ClientState.EXPIRED);
                    expired.add(c);
                }
            }
        }
        expired.forEach(this::fireEnd);
        return expired;
    }

    public synchronized List<NfsClient> clients() {
        return List.copyOf(byId.values());
    }

    private NfsClient find(byte[] ownerId, ClientState state) {
        for (NfsClient c : byId.values()) {
            if (c.state() == state && Arrays.equals(c.ownerId(), ownerId)) {
                return c;
            }
        }
        return null;
    }

    private void remove(NfsClient c, ClientState end) {
        byId.remove(c.id());
        c.moveTo(end);
    }

    private void fireEnd(NfsClient c) {
        endListeners.forEach(l -> l.accept(c));
    }
}
