package org.gfspnfs.conf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a {@code cluster.conf} into a {@link ClusterConf}: parse (JDK StAX, no DTDs or external entities), check
 * structure, read typed values, check consistency. Every problem of the file is collected and reported together,
 * each with {@code file:line:column} and a hint ({@link ConfException#problems()}).
 *
 * <p>The format is documented, with every element, attribute and default, in {@code cluster-conf/README.md};
 * defaults are also listed in {@link ConfDefaults}.
 */
public final class ClusterConfParser {

    private ClusterConfParser() {
    }

    /**
     * Parses a file; relative paths inside it (filesystem device, key file, disk fence device) resolve against
     * the file's directory.
     *
     * @throws IOException   the file cannot be read
     * @throws ConfException the file is not a valid cluster.conf (also when it is not UTF-8 text)
     */
    public static ClusterConf parse(Path file) throws IOException, ConfException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            Problems problems = new Problems(file.toString());
            problems.at(new Pos(1, 1), "the file is not UTF-8 text", "save cluster.conf as UTF-8 (or plain ASCII)");
            throw problems.toException();
        }
        return parse(text, file);
    }

    /**
     * Parses text as if it had been read from {@code file} (for messages and relative paths; the file need not
     * exist).
     *
     * @throws ConfException the text is not a valid cluster.conf
     */
    public static ClusterConf parse(String text, Path file) throws ConfException {
        Path absolute = file.toAbsolutePath();
        Path baseDir = absolute.getParent() != null ? absolute.getParent() : absolute;
        Problems problems = new Problems(file.toString());
        String xml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Optional<XmlElement> root = XmlTreeReader.read(xml, problems);
        Optional<ClusterConf> conf = Optional.empty();
        if (root.isPresent() && Structure.check(root.get(), problems)) {
            conf = ConfReader.read(root.get(), baseDir, problems);
        }
        if (!problems.isEmpty() || conf.isEmpty()) {
            throw problems.toException();
        }
        return conf.get();
    }
}
