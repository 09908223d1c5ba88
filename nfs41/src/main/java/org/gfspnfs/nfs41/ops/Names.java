package org.gfspnfs.nfs41.ops;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.gfspnfs.nfs41.status.BadCharException;
import org.gfspnfs.nfs41.status.BadNameException;
import org.gfspnfs.nfs41.status.InvalException;
import org.gfspnfs.nfs41.status.NameTooLongException;
import org.gfspnfs.nfs41.status.NfsException;

/** Component name checks shared by the namespace operations (RFC 8881 section 1.5.3 and 14). */
final class Names {
    static final int MAX_NAME = 255;

    private Names() {
    }

    /**
     * A component as a string: empty is INVAL, over 255 bytes NAMETOOLONG, invalid UTF-8 INVAL, '/' or NUL
     * BADCHAR, "." and ".." BADNAME.
     */
    static String component(byte[] raw) throws NfsException {
        if (raw.length == 0) {
            throw new InvalException("empty name");
        }
        if (raw.length > MAX_NAME) {
            throw new NameTooLongException(raw.length + " bytes");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalException("name is not UTF-8");
        }
        if (s.indexOf('/') >= 0 || s.indexOf('\0') >= 0) {
            throw new BadCharException("name contains / or NUL");
        }
        if (s.equals(".") || s.equals("..")) {
            throw new BadNameException(s);
        }
        return s;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
