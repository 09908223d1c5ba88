package org.gfspnfs.nfs41.session;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.gfspnfs.nfs41.status.BadSessionException;
import org.gfspnfs.nfs41.status.NfsException;

/**
 * All live sessions by session id. A session id is the client id, the server epoch and a counter, so an id from
 * before a restart is unknown here and answered with NFS4ERR_BADSESSION, which sends the client to recovery.
 */
public final class SessionRegistry {
    private final int epoch;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    public SessionRegistry(int epoch) {
        this.epoch = epoch;
    }

    public Session create(NfsClient client, ChannelLimits fore, ChannelLimits back, int cbProgram,
                          CallbackCredential cred) {
        byte[] id = ByteBuffer.allocate(16).putLong(client.id()).putInt(epoch).putInt(counter.incrementAndGet())
                .array();
        Session s = new Session(id, client, fore, back, cbProgram, cred);
        sessions.put(s.key(), s);
        client.sessions().add(s);
        return s;
    }

    public Session get(byte[] id) throws NfsException {
        Session s = sessions.get(HexFormat.of().formatHex(id));
        if (s == null) {
            throw new BadSessionException("unknown session");
        }
        return s;
    }

    public void destroy(Session s) {
        sessions.remove(s.key());
        s.client().sessions().remove(s);
        s.markDestroyed();
    }

    /** Ends every session of a client that ended. */
    public void destroyAll(NfsClient client) {
        for (Session s : client.sessions()) {
            destroy(s);
        }
    }

    /** Every live session (for diagnostics and tests). */
    public java.util.Collection<Session> all() {
        return java.util.List.copyOf(sessions.values());
    }

    public int size() {
        return sessions.size();
    }
}
