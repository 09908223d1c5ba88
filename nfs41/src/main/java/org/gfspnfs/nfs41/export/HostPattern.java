package org.gfspnfs.nfs41.export;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A client pattern of an exports(5) line: {@code *}, a literal address, or a CIDR network
 * ({@code 10.1.0.0/16}, {@code fd00::/8}). Host names are resolved once when the file is read.
 */
public final class HostPattern {
    private final String text;
    private final byte[] network;
    private final int prefix;

    private HostPattern(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses a pattern; throws IllegalArgumentException with a reason for anything unusable. */
    public static HostPattern parse(String text) {
        if (text.equals("*")) {
            return new HostPattern(text, null, 0);
        }
        String host = text;
        int prefix = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            host = text.substring(0, slash);
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
        }
        byte[] addr;
        try {
            addr = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
        if (prefix < 0) {
            prefix = addr.length * 8;
        }
        if (prefix > addr.length * 8) {
            throw new IllegalArgumentException("prefix longer than address in " + text);
        }
        return new HostPattern(text, addr, prefix);
    }

    public boolean matches(InetAddress client) {
        if (network == null) {
            return true;
        }
        byte[] a = client.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
