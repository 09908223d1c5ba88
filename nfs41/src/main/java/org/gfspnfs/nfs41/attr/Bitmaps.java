package org.gfspnfs.nfs41.attr;

import java.util.BitSet;

/** bitmap4 helpers: bit n is bit (n % 32) of word n / 32 (RFC 8881 section 3.3.7). */
public final class Bitmaps {
    private Bitmaps() {
    }

    public static boolean isSet(int[] words, int bit) {
        int w = bit / 32;
        return w < words.length && (words[w] & (1 << (bit % 32))) != 0;
    }

    public static BitSet toBitSet(int[] words) {
        BitSet s = new BitSet();
        for (int w = 0; w < words.length; w++) {
            for (int b = 0; b < 32; b++) {
                if ((words[w] & (1 << b)) != 0) {
                    s.set(w * 32 + b);
                }
            }
        }
        return s;
    }

    public static int[] of(BitSet s) {
        int len = (s.length() + 31) / 32;
        int[] words = new int[len];
        for (int bit = s.nextSetBit(0); bit >= 0; bit = s.nextSetBit(bit + 1)) {
            words[bit / 32] |= 1 << (bit % 32);
        }
        return words;
    }

    public static int[] of(int... bits) {
        BitSet s = new BitSet();
        for (int b : bits) {
            s.set(b);
        }
        return of(s);
    }
}
