package org.gfspnfs.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code <fencedevice>}: a named agent plus the attributes every use of it shares (address, login, ...).
 *
 * @param name       unique name that {@code <device name>} refers to
 * @param agent      {@code disk}, {@code manual}, or an agent executable (name on the PATH or absolute path)
 * @param attributes every other attribute, in file order; passed to the agent verbatim
 */
public record FenceDevice(String name, String agent, Map<String, String> attributes) {

    /** Built-in disk poison-pill agent. */
    public static final String DISK_AGENT = "disk";
    /** Built-in manual (operator acknowledgement) agent. */
    public static final String MANUAL_AGENT = "manual";

    public FenceDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agent, "agent");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public FenceAgentKind kind() {
        return FenceAgentKind.of(agent);
    }
}
