package org.gfspnfs.it.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/**
 * An address of this host that a kernel-client guest can route to whatever tap it got: the guest's default route
 * points at its tap's host end, and the host accepts packets for any of its own addresses there. The pNFS demo
 * advertises it in GETDEVICEINFO (127.0.0.1 would be the guest's own loopback).
 */
public final class HostAddress {

    private HostAddress() {
    }

    /** The first IPv4 address of an up, non-loopback interface that is not a guest tap (umlc*), if there is one. */
    public static Optional<String> reachableFromGuests() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(HostAddress::usable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && !nic.getName().startsWith("umlc");
        } catch (SocketException e) {
            return false;
        }
    }
}
