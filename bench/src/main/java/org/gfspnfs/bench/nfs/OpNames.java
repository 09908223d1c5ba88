package org.gfspnfs.bench.nfs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.gfspnfs.nfs41.xdr.Op;

/** Operation numbers to their RFC 5662 names, for error messages; read once from the {@link Op} constants. */
final class OpNames {
    private static final Map<Integer, String> NAMES = load();

    private OpNames() {
    }

    static String name(int opnum) {
        return NAMES.getOrDefault(opnum, "op " + opnum);
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : Op.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    names.put(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
