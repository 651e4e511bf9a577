package org.patchlens.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file names of a batch's outputs ({@code hive dump ... -o DIR}: one file per hive), made from the hives' own
 * file names, which come from the evidence and may be crafted. {@link #safe} writes every character that quoting
 * cannot make safe as {@code %} and the upper-case hex of its UTF-8 bytes (as a URL does); {@link #name} adds the
 * extension and numbers a name already taken in the batch, in any case ({@code SAM.jsonl}, {@code sam.2.jsonl}).
 * The rule, for users: docs/batch.md, "Output names of a hive dump batch".
 */
public final class BatchNames {
    /**
     * The longest name {@link #safe} gives, in UTF-8 bytes: with a number ({@code .12345}), the extension and the
     * temporary name's 22 more bytes ({@code .NAME.<16 hex digits>.tmp}, {@link AtomicFile}) still under the
     * 255 bytes most file systems allow in a name.
     */
    public static final int MAX_BYTES = 180;

    /** The characters a Windows file name cannot hold (and {@code %}, the escape itself), escaped anywhere. */
    private static final String ESCAPED = "%\\/:*?\"<>|";

    /**
     * The names Windows takes for a device, in upper case: those of Microsoft's "Naming Files, Paths, and Namespaces"
     * (COM0 and LPT0 since 2022; a superscript digit counts as a digit there) and the console's CONIN$ and CONOUT$,
     * which CreateFile opens as the console. More than Windows refuses today is escaped rather than less: an escape
     * costs only readability.
     */
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00b9", "COM\u00b2", "COM\u00b3", "LPT0", "LPT1", "LPT2",
            "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00b9", "LPT\u00b2", "LPT\u00b3", "CONIN$",
            "CONOUT$");

    private final Set<String> used = new HashSet<>();
    /** Per name (lower case), the next number to try, so that a thousand hives called SYSTEM cost a thousand tries. */
    private final Map<String, Integer> next = new HashMap<>();

    /** A batch whose folder also gets these files (manifest.tsv): no output takes their names, in any case. */
    public BatchNames(String... taken) {
        for (String t : taken) {
            used.add(t.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The output's file name for a hive of this file name: {@link #safe} of it and {@code extension}, or with
     * {@code .2}, {@code .3}, ... before the extension when an earlier hive of the batch has that name in any case
     * (a case-insensitive file system would give both one file).
     */
    public String name(String hiveFileName, String extension) {
        String base = safe(hiveFileName);
        String name = base + extension;
        String lower = base.toLowerCase(Locale.ROOT);
        for (int k = next.getOrDefault(lower, 2); !used.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = base + "." + k + extension;
            next.put(lower, k + 1);
        }
        return name;
    }

    /**
     * {@code name} with each character that cannot be shown or typed as it is written {@code %XX}, one per UTF-8
     * byte: the control characters (C0, DEL, C1: ESC is {@code %1B}), the format characters (the bidirectional
     * controls, zero-width characters, the byte order mark, the soft hyphen), the line and paragraph separators,
     * every space but U+0020, a lone surrogate (as its three bytes would be); {@code % \ / : * ? " < > |}; a
     * {@code -} or {@code .} that starts the name (an option to the next tool, a hidden file); the first character of
     * a name Windows takes for a device ({@code CON}, {@code nul.dat}, {@code COM1 .txt}: {@link #windowsDevice}); and
     * a {@code .} or space that ends the name (Windows drops it). Everything else is kept, so the name stays readable
     * and reads back exactly; cut at a character's end to {@link #MAX_BYTES}.
     */
    public static String safe(String name) {
        boolean device = windowsDevice(name);
        StringBuilder sb = new StringBuilder(name.length() + 16);
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = Character.charCount(cp);
            String piece = kept(cp, i == 0, device) ? name.substring(i, i + n) : escaped(cp);
            int size = piece.charAt(0) == '%' ? piece.length() : utf8Bytes(cp);
            if (bytes + size > MAX_BYTES) {
                break;
            }
            sb.append(piece);
            bytes += size;
            i += n;
        }
        // a dot or space at the end (of the name, or of what the cut left): escaped, or cut too when its escape does
        // not fit (an escape ends in a hex digit, so only a kept character can be one)
        while (!sb.isEmpty() && (sb.charAt(sb.length() - 1) == '.' || sb.charAt(sb.length() - 1) == ' ')) {
            char last = sb.charAt(sb.length() - 1);
            sb.setLength(sb.length() - 1);
            bytes--;
            if (bytes + 3 <= MAX_BYTES) {
                sb.append(escaped(last));
                break;
            }
        }
        return sb.toString();
    }

    /**
     * Whether Windows takes a file of this name for a device ({@link #DEVICES}), as it reads a name: up to its first
     * dot, without the spaces before that dot (or before the end), in any case ({@code con}, {@code NUL.},
     * {@code Aux .txt}, {@code com1.dat.jsonl}). An output's name is the hive's name made safe and an extension, so
     * its part before the first dot is the hive's, escaped or not.
     */
    static boolean windowsDevice(String name) {
        int end = name.indexOf('.');
        if (end < 0) {
            end = name.length();
        }
        while (end > 0 && name.charAt(end - 1) == ' ') {
            end--;
        }
        if (end < 3 || end > 7) {
            return false;
        }
        StringBuilder base = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            base.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c); // ASCII letters only, as Windows has it
        }
        return DEVICES.contains(base.toString());
    }

    private static boolean kept(int cp, boolean first, boolean device) {
        if (first && (device || cp == '-' || cp == '.') || ESCAPED.indexOf(cp) >= 0) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    /** {@code %XX} per UTF-8 byte; a lone surrogate as the three bytes UTF-8's pattern gives it. */
    private static String escaped(int cp) {
        int n = utf8Bytes(cp);
        int[] b = new int[n];
        if (n == 1) {
            b[0] = cp;
        } else {
            for (int k = n - 1; k > 0; k--) {
                b[k] = 0x80 | (cp & 0x3F);
                cp >>>= 6;
            }
            b[0] = (n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp;
        }
        StringBuilder sb = new StringBuilder(3 * n);
        for (int x : b) {
            sb.append('%').append(Character.toUpperCase(Character.forDigit(x >>> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return sb.toString();
    }

    private static int utf8Bytes(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
