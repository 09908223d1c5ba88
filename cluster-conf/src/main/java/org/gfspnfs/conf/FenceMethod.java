package org.gfspnfs.conf;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <method>} of a node's {@code <fence>} section. Methods are tried in order until one succeeds; within a
 * method every device must succeed (e.g. both power supplies), as fenced does.
 *
 * @param name    the method's name (cman numbers them "1", "2", ...)
 * @param devices the devices to run, in order; never empty
 */
public record FenceMethod(String name, List<FenceDeviceRef> devices) {

    public FenceMethod {
        Objects.requireNonNull(name, "name");
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("fence method " + name + " has no device");
        }
    }
}
