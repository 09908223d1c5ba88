package org.gfspnfs.conf;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads cluster.conf text into an {@link XmlElement} tree with positions, using the JDK's StAX parser.
 *
 * <p>StAX reports where a start tag <em>ends</em>; since {@code <} cannot occur unescaped inside a tag, the tag
 * starts at the last {@code <} before that point, and the attribute names are found by scanning the tag's raw
 * text. DTDs and external entities are off: a config file has no business fetching anything.
 */
final class XmlTreeReader {

    private static final int MAX_QUOTED_TEXT = 24;

    private final String text;
    private final int[] lineStarts;
    private final Problems problems;

    private XmlTreeReader(String text, Problems problems) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.problems = problems;
    }

    /** The root element, or empty when the text is not well-formed XML (the problem is recorded). */
    static Optional<XmlElement> read(String text, Problems problems) {
        return new XmlTreeReader(text, problems).read();
    }

    private Optional<XmlElement> read() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(text));
            return Optional.ofNullable(readTree(reader));
        } catch (XMLStreamException e) {
            Location location = e.getLocation();
            Pos pos = location == null ? new Pos(1, 1)
                    : new Pos(Math.max(1, location.getLineNumber()), Math.max(1, location.getColumnNumber()));
            problems.at(pos, "not well-formed XML: " + parserMessage(e),
                    "fix the XML syntax here: every element closed, attribute values in quotes");
            return Optional.empty();
        } finally {
            closeQuietly(reader);
        }
    }

    private XmlElement readTree(XMLStreamReader reader) throws XMLStreamException {
        Deque<XmlElement> open = new ArrayDeque<>();
        XmlElement root = null;
        int lastTagEnd = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                lastTagEnd = offset(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                XmlElement element = startElement(reader, open.peek(), lastTagEnd);
                if (open.isEmpty()) {
                    root = element;
                } else {
                    open.peek().addChild(element);
                }
                open.push(element);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                lastTagEnd = offset(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                open.pop();
            } else if (event == XMLStreamConstants.CHARACTERS && !open.isEmpty() && !reader.isWhiteSpace()) {
                unexpectedText(reader, open.peek(), lastTagEnd);
            }
        }
        return root;
    }

    private XmlElement startElement(XMLStreamReader reader, XmlElement parent, int endOffset) {
        int start = Math.max(0, text.lastIndexOf('<', Math.max(0, endOffset - 1)));
        XmlElement element = new XmlElement(reader.getLocalName(), pos(start), parent);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            int at = attributeOffset(start, endOffset, name);
            element.addAttribute(new XmlAttr(name, reader.getAttributeValue(i), pos(at < 0 ? start : at)));
        }
        return element;
    }

    /** StAX reports text positions after its look-ahead, so the text is placed right after the preceding tag. */
    private void unexpectedText(XMLStreamReader reader, XmlElement element, int textStart) {
        String content = reader.getText().strip();
        int leading = reader.getText().indexOf(content.charAt(0));
        int start = Math.min(text.length(), textStart + Math.max(0, leading));
        String shown = content.length() > MAX_QUOTED_TEXT ? content.substring(0, MAX_QUOTED_TEXT) + "..." : content;
        problems.at(pos(start), "unexpected text \"" + shown + "\" inside " + element.tag(),
                "cluster.conf keeps every setting in attributes, e.g. <quorum expected_votes=\"3\"/>");
    }

    /** Offset of attribute {@code name} within the raw tag text {@code [tagStart, tagEnd)}, or -1. */
    private int attributeOffset(int tagStart, int tagEnd, String name) {
        int i = tagStart + 1;
        while (i < tagEnd && !isSpace(text.charAt(i)) && text.charAt(i) != '/' && text.charAt(i) != '>') {
            i++;
        }
        while (i < tagEnd) {
            while (i < tagEnd && isSpace(text.charAt(i))) {
                i++;
            }
            int nameStart = i;
            while (i < tagEnd && text.charAt(i) != '=' && !isSpace(text.charAt(i)) && text.charAt(i) != '>') {
                i++;
            }
            if (i == nameStart) {
                return -1;
            }
            if (text.substring(nameStart, i).equals(name)) {
                return nameStart;
            }
            i = skipValue(i, tagEnd);
        }
        return -1;
    }

    private int skipValue(int from, int tagEnd) {
        int i = text.indexOf('=', from);
        if (i < 0 || i >= tagEnd) {
            return tagEnd;
        }
        i++;
        while (i < tagEnd && isSpace(text.charAt(i))) {
            i++;
        }
        if (i >= tagEnd) {
            return tagEnd;
        }
        int close = text.indexOf(text.charAt(i), i + 1);
        return close < 0 ? tagEnd : close + 1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return text.length();
        }
        return Math.min(text.length(), lineStarts[line - 1] + Math.max(0, column - 1));
    }

    private Pos pos(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new Pos(line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (newline) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the position is reported separately. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Reading is over either way; a close failure of an in-memory reader carries no information.
            }
        }
    }
}
