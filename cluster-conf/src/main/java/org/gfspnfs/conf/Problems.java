package org.gfspnfs.conf;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in one file; parsing goes on after each so the admin sees them all at once. */
final class Problems {

    private final String file;
    private final List<ConfProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Pos pos, String message, String hint) {
        found.add(new ConfProblem(file, pos.line(), pos.column(), message, hint));
    }

    void at(XmlElement element, String message, String hint) {
        at(element.pos(), message, hint);
    }

    void at(XmlAttr attr, String message, String hint) {
        at(attr.pos(), message, hint);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    ConfException toException() {
        return new ConfException(found);
    }
}
