package org.gfspnfs.gfs.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gfspnfs.gfs.FileType;
import org.gfspnfs.gfs.InvalidArgumentException;
import org.gfspnfs.gfs.NameTooLongException;

/** Name validation and the type code stored in directory entries. */
final class Names {
    static final int MAX_NAME = 255;

    private Names() {
    }

    /** UTF-8 bytes of a valid entry name. */
    static byte[] check(String name) throws InvalidArgumentException, NameTooLongException {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidArgumentException("invalid name '" + name + "'");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new InvalidArgumentException("name contains '/' or NUL: " + name);
        }
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_NAME) {
            throw new NameTooLongException("name of " + b.length + " bytes");
        }
        return b;
    }

    static int typeCode(FileType t) {
        return t.ordinal() + 1;
    }

    static FileType typeOf(int code) {
        List<FileType> all = FileType.all();   // values() would copy its array for every entry READDIR lists
        return code >= 1 && code <= all.size() ? all.get(code - 1) : FileType.REGULAR;
    }
}
