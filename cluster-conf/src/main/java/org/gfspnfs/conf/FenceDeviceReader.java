package org.gfspnfs.conf;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code <fencedevices>}: unique names, an agent each, and the agent's arguments kept verbatim. */
final class FenceDeviceReader {

    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9_.+-]+|/\\S+");

    private final Problems problems;
    private final Values values;
    private final Path baseDir;

    FenceDeviceReader(Problems problems, Path baseDir) {
        this.problems = problems;
        this.values = new Values(problems);
        this.baseDir = baseDir;
    }

    /** Names of all devices written (even invalid ones, so references to them are not reported twice). */
    final List<String> names = new ArrayList<>();

    /** The valid devices, in file order. */
    List<FenceDevice> read(Optional<XmlElement> fencedevices) {
        List<FenceDevice> devices = new ArrayList<>();
        Map<String, XmlElement> seen = new HashMap<>();
        for (XmlElement element : fencedevices.map(e -> e.children("fencedevice")).orElse(List.of())) {
            XmlAttr name = values.required(element, "name", "add name=\"...\": nodes refer to the device by it");
            XmlAttr agent = values.required(element, "agent",
                    "add agent=\"fence_...\" (an executable), or the built-in agent=\"disk\" or agent=\"manual\"");
            if (name != null) {
                XmlElement first = seen.putIfAbsent(name.value(), element);
                if (first != null) {
                    problems.at(name, "fence device \"" + name.value() + "\" is defined twice",
                            "give each <fencedevice> its own name (the first is at line " + first.pos().line() + ")");
                    continue;
                }
                names.add(name.value());
            }
            if (agent != null && !AGENT.matcher(agent.value()).matches()) {
                problems.at(agent, agent.quoted() + " is not an agent name",
                        "name an executable such as fence_ipmilan (on the PATH, or an absolute path), "
                                + "or the built-in disk or manual");
                agent = null;
            }
            if (name != null && agent != null) {
                Map<String, String> attributes = attributes(element, agent.value());
                if (attributes != null) {
                    devices.add(new FenceDevice(name.value(), agent.value(), attributes));
                }
            }
        }
        return devices;
    }

    private Map<String, String> attributes(XmlElement element, String agent) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (XmlAttr attr : element.attributes().values()) {
            if (attr.name().equals("name") || attr.name().equals("agent")) {
                continue;
            }
            String value = attr.value();
            if (agent.equals(FenceDevice.DISK_AGENT) && attr.name().equals("device")) {
                // The disk agent's device is a path like the filesystem's: relative to cluster.conf.
                try {
                    value = baseDir.resolve(value).normalize().toString();
                } catch (InvalidPathException e) {
                    problems.at(attr, attr.quoted() + " is not a valid path", "write the shared device's path");
                    return null;
                }
            }
            attributes.put(attr.name(), value);
        }
        return attributes;
    }
}
