package org.gfspnfs.conf;

/** A value read from cluster.conf together with the attribute it came from, for located follow-up checks. */
record Sourced<T>(T value, XmlAttr attr, XmlElement element) {

    /** {@code name="value" on <element>}, the way conflict messages cite a setting. */
    String cite() {
        return attr.quoted() + " on " + element.tag();
    }

    /**
     * One setting that may be written in two places (the preferred element and a legacy cman/corosync one). When
     * both are written they must agree; the later one in the file is reported otherwise.
     *
     * @return the preferred value if present, else the legacy one, else null
     */
    static <T> Sourced<T> merge(Sourced<T> preferred, Sourced<T> legacy, Problems problems) {
        if (preferred == null || legacy == null) {
            return preferred != null ? preferred : legacy;
        }
        if (preferred.value() != null && legacy.value() != null && !preferred.value().equals(legacy.value())) {
            boolean legacyFirst = legacy.attr().pos().line() < preferred.attr().pos().line()
                    || (legacy.attr().pos().line() == preferred.attr().pos().line()
                    && legacy.attr().pos().column() < preferred.attr().pos().column());
            Sourced<T> earlier = legacyFirst ? legacy : preferred;
            Sourced<T> later = legacyFirst ? preferred : legacy;
            problems.at(later.attr(), later.cite() + " contradicts " + earlier.cite() + " at line "
                            + earlier.attr().pos().line(),
                    "set it in one place: " + preferred.element().tag() + " is preferred, "
                            + legacy.element().tag() + " is read for compatibility");
        }
        return preferred;
    }
}
