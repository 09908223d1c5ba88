package org.gfspnfs.control.testkit;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.gfspnfs.control.auth.CallSigner;
import org.gfspnfs.control.auth.ClusterKey;
import org.gfspnfs.control.xdr.ControlProgram;

/**
 * A hand-rolled ONC RPC peer over a plain socket: builds call records byte by byte (so tests can send what no
 * well-behaved client would) and parses the reply header, including the auth_stat oncrpc4j's client discards.
 */
public final class RawRpc implements AutoCloseable {
    /** A decoded reply: MSG_ACCEPTED with its accept_stat and body, or MSG_DENIED with reject and auth stat. */
    public record Reply(int xid, boolean accepted, int acceptStat, int rejectStat, int authStat, byte[] body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawRpc(InetSocketAddress server) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout(30_000);
        in = new DataInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** Call header through the credential/verifier, then the arguments. */
    public static byte[] call(int xid, int prog, int vers, int proc, byte[] credAndVerf, byte[] args) {
        ByteBuffer b = ByteBuffer.allocate(24 + credAndVerf.length + args.length);
        b.putInt(xid).putInt(0).putInt(2).putInt(prog).putInt(vers).putInt(proc);
        b.put(credAndVerf).put(args);
        return b.array();
    }

    /** A call to the control program signed with {@code key} at {@code clock}'s time. */
    public static byte[] signedCall(ClusterKey key, Clock clock, int xid, int proc, byte[] args) {
        RpcAuth auth = new CallSigner(key, "raw-test", clock, new SecureRandom())
                .sign(ControlProgram.PROGRAM, ControlProgram.VERSION, proc, args);
        return call(xid, ControlProgram.PROGRAM, ControlProgram.VERSION, proc, encode(auth), args);
    }

    /** AUTH_NONE credential and AUTH_NONE verifier: a caller without the key. */
    public static byte[] authNone() {
        return new byte[16];
    }

    /** AUTH_SYS credential (uid 0, gid 0, machine "evil") and AUTH_NONE verifier. */
    public static byte[] authSys() {
        ByteBuffer body = ByteBuffer.allocate(4 + 8 + 4 + 4 + 4);
        body.putInt(0).putInt(4).put("evil".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0).putInt(0);
        ByteBuffer b = ByteBuffer.allocate(8 + body.capacity() + 8);
        b.putInt(1).putInt(body.capacity()).put(body.array()).putInt(0).putInt(0);
        return b.array();
    }

    /** XDR string: length, bytes, padding. */
    public static byte[] xdrString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + ((bytes.length + 3) & ~3));
        b.putInt(bytes.length).put(bytes);
        return b.array();
    }

    private static byte[] encode(RpcAuth auth) {
        try (Xdr xdr = new Xdr(256)) {
            xdr.beginEncoding();
            auth.xdrEncode(xdr);
            xdr.endEncoding();
            return xdr.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record with a correct last-fragment record mark. */
    public void send(byte[] record) throws IOException {
        sendMarked(0x80000000 | record.length, record);
        out.flush();
    }

    /** Sends {@code bytes} behind an arbitrary record mark, without flushing. */
    public void sendMarked(int mark, byte[] bytes) throws IOException {
        new DataOutputStream(out).writeInt(mark);
        out.write(bytes);
    }

    public void flush() throws IOException {
        out.flush();
    }

    public Reply read() throws IOException {
        int mark = in.readInt();
        byte[] record = new byte[mark & 0x7fffffff];
        in.readFully(record);
        ByteBuffer b = ByteBuffer.wrap(record);
        int xid = b.getInt();
        b.getInt(); // REPLY
        if (b.getInt() == 0) {
            b.getInt(); // verifier flavor
            int verifierLength = b.getInt();
            b.position(b.position() + ((verifierLength + 3) & ~3));
            int acceptStat = b.getInt();
            byte[] body = new byte[b.remaining()];
            b.get(body);
            return new Reply(xid, true, acceptStat, -1, -1, body);
        }
        int rejectStat = b.getInt();
        return new Reply(xid, false, -1, rejectStat, rejectStat == 1 ? b.getInt() : -1, new byte[0]);
    }

    /** The raw input stream, for a thread that drains replies. */
    public java.io.InputStream input() {
        return in;
    }

    /** True when the server closed the connection (reads EOF). */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
