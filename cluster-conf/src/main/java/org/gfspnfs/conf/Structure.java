package org.gfspnfs.conf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First pass over the tree: every element and attribute must be known and in its place, and single elements must
 * not repeat. Later passes read only what this one accepted, so each mistake is reported once.
 */
final class Structure {

    private final Problems problems;

    private Structure(Problems problems) {
        this.problems = problems;
    }

    /** False when the root is not {@code <cluster>} (nothing else can be read then). */
    static boolean check(XmlElement root, Problems problems) {
        if (!root.name().equals(Vocabulary.ROOT)) {
            problems.at(root, "the top element is " + root.tag() + ", expected <cluster>",
                    "a cluster.conf starts with <cluster name=\"...\" config_version=\"1\">");
            return false;
        }
        new Structure(problems).element(root, Vocabulary.spec(Vocabulary.ROOT).orElseThrow());
        return true;
    }

    private void element(XmlElement element, Vocabulary.Spec spec) {
        if (!spec.openAttributes()) {
            for (XmlAttr attr : element.attributes().values()) {
                if (!spec.attributes().contains(attr.name())) {
                    unknownAttribute(element, spec, attr);
                }
            }
        }
        List<String> allowed = Vocabulary.childrenOf(element.name());
        Map<String, XmlElement> seen = new HashMap<>();
        for (XmlElement child : element.children()) {
            Optional<Vocabulary.Spec> childSpec = Vocabulary.spec(child.name())
                    .filter(s -> element.name().equals(s.parent()));
            if (childSpec.isEmpty()) {
                unknownElement(element, child, allowed);
                continue;
            }
            XmlElement first = seen.putIfAbsent(child.name(), child);
            if (first != null && !childSpec.get().repeatable()) {
                problems.at(child, child.tag() + " appears more than once in " + element.tag(),
                        "merge it into the first " + child.tag() + " at line " + first.pos().line());
                continue;
            }
            element(child, childSpec.get());
        }
    }

    private void unknownAttribute(XmlElement element, Vocabulary.Spec spec, XmlAttr attr) {
        String hint = Suggest.closest(attr.name(), spec.attributes())
                .map(s -> "did you mean '" + s + "'?")
                .orElseGet(() -> spec.attributes().isEmpty()
                        ? element.tag() + " takes no attributes"
                        : "known attributes of " + element.tag() + ": " + String.join(", ", spec.attributes()));
        problems.at(attr, "unknown attribute '" + attr.name() + "' on " + element.tag(), hint);
    }

    private void unknownElement(XmlElement parent, XmlElement child, List<String> allowed) {
        Optional<Vocabulary.Spec> elsewhere = Vocabulary.spec(child.name());
        String hint;
        if (elsewhere.isPresent() && elsewhere.get().parent() != null) {
            hint = child.tag() + " belongs inside <" + elsewhere.get().parent() + ">";
        } else {
            hint = Suggest.closest(child.name(), allowed).map(s -> "did you mean <" + s + ">?")
                    .orElseGet(() -> allowed.isEmpty()
                            ? parent.tag() + " takes no child elements"
                            : "allowed inside " + parent.tag() + ": <" + String.join(">, <", allowed) + ">");
        }
        problems.at(child, "unknown element " + child.tag() + " inside " + parent.tag(), hint);
    }
}
