package org.patchlens.artifacts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two properties a users property view shell item is named by, from its serialized property store
 * (libfwps, "Windows Property Store format"): a run of storages, each a u4 size, the version "1SPS" and a
 * format GUID, then values each a u4 size, a u4 id (or, in the named-property format D5CDD505-..., a u4 name
 * size), a reserved byte and a typed value (u2 type, u2 padding, data). Only VT_LPWSTR (0x1F: a u4 character
 * count, then UTF-16) is read, for PKEY_DisplayName ({B725F130-...}/10) and PKEY_ParsingPath ({28636AA6-...}/30).
 * Anything that does not add up ends the reading: these are names, not evidence of their own.
 */
final class PropertyStore {
    private static final long VERSION_1SPS = 0x53505331L;
    private static final byte[] NAMED = ShellItems.guidBytes("d5cdd505-2e9c-101b-9397-08002b2cf9ae");
    private static final byte[] SUMMARY = ShellItems.guidBytes("b725f130-47ef-101a-a5f1-02608c9eebac");
    private static final byte[] SHELL_DETAILS = ShellItems.guidBytes("28636aa6-953d-11d2-b5d6-00c04fd918d0");
    private static final int VT_LPWSTR = 0x1F;

    private PropertyStore() {
    }

    /** PKEY_DisplayName and PKEY_ParsingPath, each null when the store does not hold it as text. */
    record Found(String displayName, String parsingPath) {
    }

    static Found read(byte[] b, int from, int end) {
        String display = null;
        String parsing = null;
        int p = from;
        for (int storages = 0; p + 24 <= end && storages < 256; storages++) {
            long size = ShellItems.u32(b, p);
            if (size < 24 || size > end - p || ShellItems.u32(b, p + 4) != VERSION_1SPS) {
                break;
            }
            int storageEnd = p + (int) size;
            boolean named = Arrays.equals(b, p + 8, p + 24, NAMED, 0, 16);
            boolean summary = Arrays.equals(b, p + 8, p + 24, SUMMARY, 0, 16);
            boolean details = Arrays.equals(b, p + 8, p + 24, SHELL_DETAILS, 0, 16);
            int q = p + 24;
            for (int values = 0; q + 9 <= storageEnd && values < 4096; values++) {
                long vsize = ShellItems.u32(b, q);
                if (vsize < 9 || vsize > storageEnd - q) {
                    break;
                }
                int valueEnd = q + (int) vsize;
                long id = ShellItems.u32(b, q + 4);
                if (!named && (summary && id == 10 || details && id == 30)) {
                    String text = lpwstr(b, q + 9, valueEnd);
                    if (summary && id == 10 && display == null) {
                        display = text;
                    } else if (details && id == 30 && parsing == null) {
                        parsing = text;
                    }
                }
                q = valueEnd;
            }
            p = storageEnd;
        }
        return new Found(display, parsing);
    }

    /** A typed value at {@code t} if it is a VT_LPWSTR inside the value, its text without the NUL; else null. */
    private static String lpwstr(byte[] b, int t, int end) {
        if (t + 8 > end || ShellItems.u16(b, t) != VT_LPWSTR) {
            return null;
        }
        long chars = ShellItems.u32(b, t + 4);
        long bytes = Math.min(chars * 2, end - (t + 8L));
        String s = new String(b, t + 8, (int) bytes & ~1, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }
}
