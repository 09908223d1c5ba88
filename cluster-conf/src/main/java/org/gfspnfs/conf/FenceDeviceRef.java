package org.gfspnfs.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code <device>} inside a node's fence method: which fence device to use and the node-specific attributes
 * (outlet {@code port}, {@code plug}, {@code action}, ...) that override the device's own.
 *
 * @param device     the {@link FenceDevice#name()} referred to
 * @param attributes every other attribute, in file order
 */
public record FenceDeviceRef(String device, Map<String, String> attributes) {

    public FenceDeviceRef {
        Objects.requireNonNull(device, "device");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
