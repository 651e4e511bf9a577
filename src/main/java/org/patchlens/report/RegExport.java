package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.patchlens.hive.Hive;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.model.PrintableText;

/**
 * Writes a subtree as a regedit 5.00 file (the caller encodes it as UTF-16LE with a BOM;
 * lines end in CRLF). A value is written as a quoted string only when that round-trips
 * exactly and shows safely (REG_SZ ending in one NUL, no other NUL, no line break, no character that acts on a
 * terminal or reorders a line: the controls but tab, C1, bidirectional controls, U+2028/U+2029), as dword: only for
 * 4-byte REG_DWORD, and otherwise as hex(type): bytes, so no byte is lost.
 *
 * <p>A {@code .reg} file holds only what the hive holds. A key whose name regedit's format cannot
 * carry (a line break, which would end the section line and let the rest of the name read as new
 * sections and values; a backslash, which would read as a path of subkeys; an empty name, a {@code \\}
 * in the path; a NUL; a name that is not valid UTF-16) is left out with its whole subtree (every path
 * below it holds the name), and so is such a value (a line break or a NUL in its name; backslashes and
 * quotes are escaped as regedit escapes them). Each left-out item gets one {@code ;} comment line
 * in the file where it would have been (the name escaped by {@link Printable#of}) and is returned in
 * {@link Result#leftOut()} for the caller to report.
 */
public final class RegExport {
    private static final String CRLF = "\r\n";

    private RegExport() {
    }

    /** What {@link #write} wrote, and what it left out. */
    public record Result(long keys, long values, List<LeftOut> leftOut) {
        /** Keys left out, those named in {@link #leftOut} and those below them. */
        public long keysLeftOut() {
            return leftOut.stream().mapToLong(l -> l.isKey() ? 1 + l.keysBelow() : 0).sum();
        }

        /** Values left out: those named, and every value of the keys left out. */
        public long valuesLeftOut() {
            return leftOut.stream().mapToLong(l -> l.isKey() ? l.valuesBelow() : 1).sum();
        }

        /**
         * One stderr line per left-out item, without the {@code patchlens: } prefix, evidence text escaped:
         * {@code FILE: at offset 0x1020: key \A\x\r\n[HK... left out of the .reg: its name holds a line break
         * (regedit's format cannot represent it)}.
         */
        public List<String> messages(String file) {
            return leftOut.stream().map(l -> Printable.of(file) + ": at offset " + String.format("0x%X", l.offset())
                    + ": " + l.describe()).toList();
        }
    }

    /**
     * A key (with its subtree) or a value that is not in the {@code .reg}.
     *
     * @param offset      file offset of the key's {@code nk} or the value's {@code vk} cell
     * @param path        the key's path, or for a value the path of its key
     * @param valueName   the value's name, null for a key
     * @param reason      why, e.g. "its name holds a line break (regedit's format cannot represent it)"
     * @param keysBelow   for a key: the keys of its subtree, left out with it
     * @param valuesBelow for a key: the values of it and its subtree, left out with it
     */
    public record LeftOut(long offset, String path, String valueName, String reason, long keysBelow,
                          long valuesBelow) {
        public boolean isKey() {
            return valueName == null;
        }

        /** {@code key PATH left out of the .reg: REASON}, evidence text escaped. */
        public String describe() {
            String what = isKey() ? "key " + Printable.of(path) : "value " + Printable.of(path) + " : "
                    + Printable.of(valueName);
            String below = !isKey() || keysBelow + valuesBelow == 0 ? "" : " (with " + count(keysBelow, "subkey")
                    + " and " + count(valuesBelow, "value") + ")";
            return what + below + " left out of the .reg: " + reason;
        }

        private static String count(long n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }

    /** {@code prefix} is the root the hive is shown under, e.g. {@code HKEY_LOCAL_MACHINE\SYSTEM}. */
    public static Result write(Hive hive, Key start, String prefix, Writer out) throws IOException {
        long keys = 0;
        long values = 0;
        List<LeftOut> leftOut = new ArrayList<>();
        out.write("Windows Registry Editor Version 5.00" + CRLF);
        StringBuilder sb = new StringBuilder(256);
        // The key being left out with its subtree: the walk is pre-order, so its subtree is every key
        // after it that is deeper; its comment is written when the subtree ends, with the counts.
        Key skipping = null;
        String skipReason = null;
        long[] below = new long[2];
        for (Key k : hive.walk(start)) {
            if (skipping != null) {
                if (k.depth() > skipping.depth()) {
                    below[0]++;
                    below[1] += k.values().size();
                    continue;
                }
                leftOut.add(skipped(skipping, skipReason, below, out));
                skipping = null;
            }
            String why = k == start ? pathReason(k) : k.isRoot() ? null : keyNameReason(k);
            if (why != null) {
                skipping = k;
                skipReason = why;
                below[0] = 0;
                below[1] = k.values().size();
                continue;
            }
            keys++;
            sb.setLength(0);
            sb.append(CRLF).append('[').append(prefix);
            if (!k.isRoot()) {
                sb.append(k.path());
            }
            sb.append(']').append(CRLF);
            List<LeftOut> valuesOut = null;
            for (Value v : k.values()) {
                String vwhy = valueNameReason(v);
                if (vwhy != null) {
                    if (valuesOut == null) {
                        valuesOut = new ArrayList<>();
                    }
                    valuesOut.add(new LeftOut(v.fileOffset(), k.path(), v.name(), vwhy, 0, 0));
                    continue;
                }
                values++;
                appendValue(v, sb);
            }
            // After the values: a comment line among them would end the section for some readers
            // (hivexregedit), and the values after it would be refused.
            if (valuesOut != null) {
                for (LeftOut l : valuesOut) {
                    comment(l, sb);
                }
                leftOut.addAll(valuesOut);
            }
            out.append(sb);
        }
        if (skipping != null) {
            leftOut.add(skipped(skipping, skipReason, below, out));
        }
        out.write(CRLF);
        out.flush();
        return new Result(keys, values, List.copyOf(leftOut));
    }

    private static LeftOut skipped(Key k, String reason, long[] below, Writer out) throws IOException {
        LeftOut l = new LeftOut(k.fileOffset(), k.path(), null, reason, below[0], below[1]);
        StringBuilder sb = new StringBuilder(CRLF);
        comment(l, sb);
        out.append(sb);
        return l;
    }

    private static void comment(LeftOut l, StringBuilder sb) {
        sb.append("; ").append(l.describe()).append(CRLF);
    }

    /** Why the start key cannot be a section: the first name on its path that the format cannot carry. */
    private static String pathReason(Key start) {
        for (Key k = start; k != null && !k.isRoot(); k = k.parent()) {
            String why = keyNameReason(k);
            if (why != null) {
                return k == start ? why : "the name of " + Printable.of(k.path()) + " on its path: " + why;
            }
        }
        return null;
    }

    /** Why a key's name cannot be written in a section line, or null when it can. */
    static String keyNameReason(Key k) {
        String name = k.name();
        if (name.isEmpty()) {
            return "its name is empty (the path would hold \\\\, which regedit's format cannot represent)";
        }
        String why = nameReason(name, k.rawName());
        if (why == null && name.indexOf('\\') >= 0) {
            return "its name holds a backslash (regedit would read it as a path of subkeys)";
        }
        return why;
    }

    /** Why a value's name cannot be written as a quoted name, or null when it can. */
    static String valueNameReason(Value v) {
        return v.name().isEmpty() ? null : nameReason(v.name(), v.rawName());
    }

    /** What no name in a .reg can hold: a line break, a NUL, or code units that are not UTF-16 text. */
    private static String nameReason(String name, byte[] raw) {
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            return "its name holds a line break (regedit's format cannot represent it)";
        }
        if (name.indexOf('\0') >= 0) {
            return "its name holds a NUL character (regedit's format cannot represent it)";
        }
        // The reader shows an unpaired surrogate or an odd last byte as U+FFFD: written so, it would
        // name a key or value that the hive does not hold.
        if (name.indexOf('\uFFFD') >= 0 && !Arrays.equals(name.getBytes(StandardCharsets.UTF_16LE), raw)) {
            return "its name is not valid UTF-16 (shown with U+FFFD, a name the hive does not hold)";
        }
        return null;
    }

    static void appendValue(Value v, StringBuilder sb) {
        if (v.name().isEmpty()) {
            sb.append('@');
        } else {
            quote(v.name(), sb);
        }
        sb.append('=');
        byte[] d = v.data();
        long type = v.typeCode();
        String plain = type == 1 ? plainString(d) : null;
        if (plain != null) {
            quote(plain, sb);
        } else if (type == 4 && d.length == 4) {
            sb.append(String.format("dword:%08x", (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16
                    | (d[3] & 0xFFL) << 24));
        } else {
            sb.append(type == 3 ? "hex:" : "hex(" + Long.toHexString(type) + "):");
            int lineStart = sb.length();
            for (int i = 0; i < d.length; i++) {
                if (i > 0) {
                    sb.append(',');
                    if (sb.length() - lineStart > 74) {
                        sb.append('\\').append(CRLF).append("  ");
                        lineStart = sb.length();
                    }
                }
                sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
            }
        }
        sb.append(CRLF);
    }

    /**
     * The string if the data is exactly UTF-16LE text plus one terminating NUL and holds no character a terminal
     * acts on, else null.
     */
    private static String plainString(byte[] d) {
        if (d.length < 2 || (d.length & 1) != 0 || d[d.length - 1] != 0 || d[d.length - 2] != 0) {
            return null;
        }
        StringBuilder s = new StringBuilder(d.length / 2);
        for (int i = 0; i < d.length - 2; i += 2) {
            char c = (char) ((d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8);
            // NUL, a line break, a surrogate, and whatever acts on a terminal or reorders a line (ESC, C1, U+202E,
            // U+2028: PrintableText's set) go as hex(1): exact, and a .reg shown with cat or type stays inert
            if (c != '\t' && PrintableText.escaped(c)) {
                return null;
            }
            s.append(c);
        }
        return s.toString();
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
