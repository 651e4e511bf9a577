package org.patchlens.hive;

/** Lenient string decoding of hive names and data: never throws, one U+FFFD per bad code unit. */
final class Text {
    private Text() {
    }

    /** Each byte is the code point of the same value (the JDK copies the bytes as they are). */
    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * UTF-16LE; an unpaired surrogate becomes U+FFFD, and so does an odd trailing byte.
     * Valid surrogate pairs are kept, so the string round-trips to the same bytes when
     * the input was well formed.
     */
    static String utf16le(byte[] b, int off, int len) {
        int units = len / 2;
        boolean odd = (len & 1) != 0;
        char[] out = new char[units + (odd ? 1 : 0)];
        for (int i = 0; i < units; i++) {
            out[i] = (char) ((b[off + 2 * i] & 0xFF) | (b[off + 2 * i + 1] & 0xFF) << 8);
        }
        for (int i = 0; i < units; i++) {
            char c = out[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < units && Character.isLowSurrogate(out[i + 1])) {
                    i++;
                } else {
                    out[i] = '\uFFFD';
                }
            } else if (Character.isLowSurrogate(c)) {
                out[i] = '\uFFFD';
            }
        }
        if (odd) {
            out[units] = '\uFFFD';
        }
        return new String(out);
    }

    /** UTF-16LE code unit by code unit, unpaired surrogates kept (an odd last byte is dropped): for comparisons. */
    static String utf16leUnits(byte[] b) {
        char[] out = new char[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
        }
        return new String(out);
    }

    static String utf16le(byte[] b) {
        return utf16le(b, 0, b.length);
    }

    /**
     * {@link #utf16le(byte[])} of {@code raw}, given its code units as {@link #utf16leUnits} decoded them:
     * the same String when they are well formed (no odd byte, no unpaired surrogate), as nearly every name
     * is, so such a name is decoded once, not twice.
     */
    static String shown(String units, byte[] raw) {
        if ((raw.length & 1) != 0) {
            return utf16le(raw);
        }
        for (int i = 0; i < units.length(); i++) {
            char c = units.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < units.length() && Character.isLowSurrogate(units.charAt(i + 1))) {
                    i++;
                } else {
                    return utf16le(raw);
                }
            }
        }
        return units;
    }
}
