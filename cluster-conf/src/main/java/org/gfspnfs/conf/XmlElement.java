package org.gfspnfs.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of cluster.conf with the position of its {@code <} and of each attribute. Built once by
 * {@link XmlTreeReader}, read-only afterwards.
 */
final class XmlElement {

    private final String name;
    private final Pos pos;
    private final XmlElement parent;
    private final Map<String, XmlAttr> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();

    XmlElement(String name, Pos pos, XmlElement parent) {
        this.name = name;
        this.pos = pos;
        this.parent = parent;
    }

    String name() {
        return name;
    }

    Pos pos() {
        return pos;
    }

    Optional<XmlElement> parent() {
        return Optional.ofNullable(parent);
    }

    /** {@code <name>}, the way messages refer to an element. */
    String tag() {
        return "<" + name + ">";
    }

    Optional<XmlAttr> attr(String attrName) {
        return Optional.ofNullable(attributes.get(attrName));
    }

    Map<String, XmlAttr> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The first child of that name; later duplicates are reported by {@link Structure}. */
    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    void addAttribute(XmlAttr attr) {
        attributes.put(attr.name(), attr);
    }

    void addChild(XmlElement child) {
        children.add(child);
    }
}
