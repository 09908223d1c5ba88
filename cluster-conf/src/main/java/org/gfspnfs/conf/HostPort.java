package org.gfspnfs.conf;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * A host (IP literal or host name, kept as written: {@code cluster.conf} is parsed without DNS) and a TCP port.
 *
 * @param host IPv4/IPv6 literal or host name; {@code 0.0.0.0} or {@code ::} means "all local addresses"
 * @param port 1..65535
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** True for the wildcard addresses {@code 0.0.0.0} and {@code ::}: bind-only, never something to connect to. */
    public boolean isWildcard() {
        return isWildcardHost(host);
    }

    static boolean isWildcardHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    /** The same port on another host. */
    public HostPort withHost(String otherHost) {
        return new HostPort(otherHost, port);
    }

    /** Resolves the host now (a name lookup may block); use for binding and connecting. */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** An unresolved socket address, for configuration that resolves later (e.g. Hazelcast member lists). */
    public InetSocketAddress toUnresolvedAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** Lower-cased host: the key under which two endpoints are "the same host" for clash detection. */
    String hostKey() {
        return host.toLowerCase(Locale.ROOT);
    }

    /** {@code host:port}, with IPv6 literals in brackets ({@code [::1]:2049}). */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
