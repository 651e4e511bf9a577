package org.patchlens.ese;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saved {@code eseutil /mh}, {@code /mk} and {@code /ml} output (and Windows {@code esentutl}'s identical
 * labels): recognises and decodes the text, tells the dumps apart by their labels, and hands the
 * lines to {@link MhParser}, {@link MkParser}, {@link MlParser} or, for an {@code /ml <base>} range listing
 * (file names and verdicts only), {@link MlRangeParser}, which give the same records as the
 * binary reader, with {@link Source#TEXT}. Labels are matched by name, never by column; values are read
 * in every form the documented eseutil versions print ({@link EseutilValues}). Lines no field takes are
 * kept in order, as printed, as {@link TextField}s; fields eseutil did not print are 0. Nothing here is
 * verified by a checksum.
 */
public final class EseutilText {
    private static final int MAX_LINES = 200_000;

    private EseutilText() {
    }

    /** True for text (any BOM, or printable bytes without NULs, or UTF-16LE without BOM). */
    static boolean looksLikeText(ByteBuffer b) {
        int n = Math.min(b.capacity(), 4096);
        if (n < 8) {
            return false;
        }
        int b0 = b.get(0) & 0xFF;
        int b1 = b.get(1) & 0xFF;
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0xEF && b1 == 0xBB && (b.get(2) & 0xFF) == 0xBF) {
            return true;
        }
        if (utf16NoBom(b, n)) {
            return true;
        }
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int c = b.get(i) & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                bad++;
            }
        }
        return bad * 50 < n;
    }

    private static boolean utf16NoBom(ByteBuffer b, int n) {
        int m = Math.min(n, 128) & ~1;
        for (int i = 0; i < m; i += 2) {
            int lo = b.get(i) & 0xFF;
            if (b.get(i + 1) != 0 || lo == 0 || lo < 0x20 && lo != '\n' && lo != '\r' && lo != '\t') {
                return false;
            }
        }
        return m >= 8;
    }

    /** Decodes a saved dump: UTF-16LE (with or without BOM), UTF-8 (with or without BOM), else Windows-1252-ish Latin-1. */
    static String decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (utf16NoBom(b, bytes.length)) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b);
            return cb.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Parses a dump held in bytes (as read from the text file {@code name}): text in which no line can start
     * with a label the parser knows ({@link #mayHoldLabels}) is refused at once, as {@link #parse(String, String)}
     * would refuse it after decoding it and matching every line. A JSONL or CSV output of many MB, checked for
     * evidence before it is replaced, is such text.
     */
    public static List<EseHeader> parse(String name, byte[] bytes) {
        if (!mayHoldLabels(bytes)) {
            throw notADump(name);
        }
        return parse(name, decode(bytes));
    }

    private static EseException notADump(String name) {
        return new EseException(name, -1, "text file is not an eseutil /mh, /mk or /ml dump (no known field labels)");
    }

    /**
     * What a line of a dump can start with (after the blanks {@code trim} drops), lower case: the labels
     * {@link #parse(String, String)} tells the dumps by, and the labels and first words of an /ml range listing.
     */
    private static final String[] LINE_STARTS = {"lgeneration", "lastfullbackupcheckpoint", "checkpoint file",
        "format ulmagic", "db signature", "format ulversion", "cbdbpage", "log file", "missing log file",
        "verifying log files"};

    /**
     * False only when no line of the text starts with any of {@link #LINE_STARTS}, compared as the parser
     * compares labels (ignoring case, U+212A KELVIN SIGN being the one other char whose lower case is an ASCII
     * letter): then the parser finds no label and refuses the text. Looked at as bytes, which in UTF-8 and in
     * Latin-1 (the two decodings of text without a UTF-16 mark) give the same line breaks, blanks and ASCII;
     * UTF-16 text is left to the parser (true).
     */
    static boolean mayHoldLabels(byte[] b) {
        int n = b.length;
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || utf16NoBom(ByteBuffer.wrap(b), n)) {
            return true;
        }
        int i = n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < n) {
            // at a line's start: past its blanks (and past empty lines, whose breaks are blanks too)
            while (i < n && (b[i] & 0xFF) <= ' ') {
                i++;
            }
            for (String start : LINE_STARTS) {
                if (startsWith(b, i, start)) {
                    return true;
                }
            }
            while (i < n && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
        }
        return false;
    }

    /** Whether the bytes at {@code i} are {@code word} (lower-case ASCII) in any case. */
    private static boolean startsWith(byte[] b, int i, String word) {
        int p = i;
        for (int k = 0; k < word.length(); k++) {
            char w = word.charAt(k);
            if (p >= b.length) {
                return false;
            }
            int c = b[p] & 0xFF;
            if (w >= 'a' && w <= 'z' && (c | 0x20) == w || c == w) {
                p++;
            } else if (w == 'k' && c == 0xE2 && p + 2 < b.length && (b[p + 1] & 0xFF) == 0x84
                    && (b[p + 2] & 0xFF) == 0xAA) {
                p += 3; // U+212A in UTF-8
            } else {
                return false;
            }
        }
        return true;
    }

    /** Parses a dump held in a string; {@code name} is the text file's name. */
    public static List<EseHeader> parse(String name, String text) {
        List<String> lines = text.lines().limit(MAX_LINES).toList();
        boolean log = false;
        boolean chk = false;
        boolean db = false;
        for (String l : lines) {
            String label = EseutilValues.label(l);
            if (label == null) {
                continue;
            }
            switch (label.toLowerCase(Locale.ROOT)) {
                case "lgeneration" -> log = true;
                case "lastfullbackupcheckpoint", "checkpoint file" -> chk = true;
                case "format ulmagic", "db signature", "format ulversion", "cbdbpage" -> db = true;
                default -> {
                }
            }
        }
        if (log) {
            return new ArrayList<>(MlParser.parse(name, lines));
        }
        boolean listing = MlRangeParser.isListing(lines) || !chk && !db && MlRangeParser.hasListingLines(lines);
        if (listing) {
            return headersOf(MlRangeParser.parse(name, lines));
        }
        if (chk) {
            return List.of(MkParser.parse(name, lines));
        }
        if (db) {
            return List.of(MhParser.parse(name, lines));
        }
        throw notADump(name);
    }

    /** The headers of a range listing's present files; a listing that names none is refused (no header to give). */
    private static List<EseHeader> headersOf(LogListing l) {
        if (l.headers().isEmpty()) {
            String missing = l.missing().isEmpty() ? "" : "; it reports " + l.missing().size() + " missing";
            throw new EseException(l.file(), -1, "eseutil /ml range listing names no log file that is present" + missing);
        }
        return new ArrayList<>(l.headers());
    }

    /**
     * A saved {@code eseutil /ml <base>} range listing (ese-format.md 8.3): every file it names with eseutil's
     * verdict, the missing generations, the summary. Text that is not a listing is an {@link EseException}.
     */
    public static LogListing listing(String name, String text) {
        List<String> lines = text.lines().limit(MAX_LINES).toList();
        if (lines.stream().anyMatch(l -> "lgeneration".equalsIgnoreCase(EseutilValues.label(l)))
                || !MlRangeParser.isListing(lines) && !MlRangeParser.hasListingLines(lines)) {
            throw new EseException(name, -1, "text file is not an eseutil /ml range listing (no \"Verifying log files\" "
                    + "or \"Log file:\" line, or it holds log headers)");
        }
        return MlRangeParser.parse(name, lines);
    }
}
