package org.gfspnfs.conf;

/** An attribute as written, with the position of its name. */
record XmlAttr(String name, String value, Pos pos) {

    /** {@code name="value"}, the way messages quote what the admin wrote. */
    String quoted() {
        return name + "=\"" + value + "\"";
    }
}
