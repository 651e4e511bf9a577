package org.patchlens.hive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches a hive's key names, value names or value data with a regular expression ({@code hive search}),
 * the live tree and, when asked, the records {@link DeletedRecords} recovers. Bounded on hostile data: every
 * match runs against text that checks a deadline ({@link #MATCH_MILLIS} ms per match, so a regex that
 * backtracks without end on crafted data gives up with a note), at most {@link #MAX_DATA} bytes of one
 * value's data are searched (with a note), and after {@link #MAX_GIVE_UPS} give-ups the search stops.
 */
public final class HiveSearch {
    /** What a search looks at. */
    public enum Target {
        KEY, VALUE, DATA,
        /** Key names, value names and data ({@code --literal}). */
        ALL;

        boolean keys() {
            return this == KEY || this == ALL;
        }

        boolean valueNames() {
            return this == VALUE || this == ALL;
        }

        boolean data() {
            return this == DATA || this == ALL;
        }
    }

    /** Bytes of one value's data searched; the rest is not (a note says so). Real values are far smaller. */
    public static final int MAX_DATA = 1 << 20;
    /** Time one match may take before it gives up (a regex backtracking without end on crafted data). */
    public static final long MATCH_MILLIS = 1000;
    /** Give-ups after which the search stops: a crafted hive cannot buy MATCH_MILLIS per value without end. */
    public static final int MAX_GIVE_UPS = 8;
    /** Characters of the matched text kept in a hit (a match of {@code .*} over a large value is not copied). */
    public static final int SHOWN = 200;

    /**
     * One hit.
     *
     * @param path        the key's path (a recovered record's rebuilt path, possibly {@code <unknown>\...})
     * @param valueName   the value's name; null for a key whose name matched
     * @param typeCode    the value's raw type (0 for a key)
     * @param data        the value's data as read (empty for a key)
     * @param decoded     the data's decoded form (null for a key)
     * @param fileOffset  file offset of the {@code nk} or {@code vk} cell
     * @param lastWritten the key's FILETIME, or -1 when unknown (a recovered value whose key was not recovered)
     * @param recovered   null for a live record, else the label of {@link DeletedRecords} (deleted, stale-copy, ...)
     * @param field       what matched: {@code key}, {@code value}, {@code data}, {@code data[2]} (a REG_MULTI_SZ
     *                    entry), {@code data (UTF-16LE)}, {@code data (UTF-16LE, odd offset)}, {@code data (ASCII)}
     * @param matched     the matched text (at most {@link #SHOWN} characters, then {@code ...})
     */
    public record Hit(String path, String valueName, long typeCode, byte[] data, DecodedValue decoded, long fileOffset,
                      long lastWritten, String recovered, String field, String matched) {
        public boolean isKey() {
            return valueName == null;
        }

        public long cellOffset() {
            return fileOffset - Hive.BASE_BLOCK_SIZE;
        }
    }

    /** Receives hits and notes as they are found. */
    public interface Listener {
        void hit(Hit hit) throws IOException;

        /** Something not searched in full (data cut at {@link #MAX_DATA}, a match that gave up). */
        void note(String note, boolean incomplete);
    }

    /** The search stopped after {@link #MAX_GIVE_UPS} give-ups. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }
    }

    private final Pattern pattern;
    private final Target target;
    private final long matchNanos;
    private int giveUps;

    public HiveSearch(Pattern pattern, Target target) {
        this(pattern, target, MATCH_MILLIS);
    }

    /** With its own time per match (tests). */
    public HiveSearch(Pattern pattern, Target target, long matchMillis) {
        this.pattern = pattern;
        this.target = target;
        this.matchNanos = matchMillis * 1_000_000L;
    }

    /** The pattern a command line asks for: Java regex or a literal, case-insensitive unless the regex says (?-i). */
    public static Pattern compile(String text, boolean literal) {
        return Pattern.compile(literal ? Pattern.quote(text) : text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * Why a regex typed on a command line is not one, in words: the JDK's description and index, except for a
     * trailing backslash, which it calls "Unexpected internal error".
     */
    public static String whyNotARegex(java.util.regex.PatternSyntaxException e, String text) {
        return "Unexpected internal error".equals(e.getDescription()) && text.endsWith("\\")
                ? "a trailing backslash escapes nothing"
                : e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "");
    }

    /** How many matches gave up so far (over every hive searched with this object). */
    public int giveUps() {
        return giveUps;
    }

    /** Searches the live tree of {@code hive}, then, with {@code deleted}, its recovered records. */
    public void search(Hive hive, boolean deleted, Listener out) throws IOException {
        for (Key k : hive.walk()) {
            live(hive, k, out);
        }
        if (deleted) {
            recovered(hive, DeletedRecords.scan(hive), out);
        }
    }

    private void live(Hive hive, Key k, Listener out) throws IOException {
        String where = hive.name() + ": " + k.path();
        if (target.keys() && !k.isRoot()) {
            // the root key's own name is not part of paths (docs/hive-formats.md), so it is not searched
            String m = find(k.name(), where + " (key name)", out);
            if (m != null) {
                out.hit(new Hit(k.path(), null, 0, new byte[0], null, k.fileOffset(), k.lastWrittenRaw(), null, "key",
                        m));
            }
        }
        if (!target.valueNames() && !target.data()) {
            return;
        }
        for (Value v : k.values()) {
            // a search of names reads a value's data only for its hits
            byte[][] read = {null};
            String[] why = value(v.name(), v.typeCode(), () -> read[0] = v.data(), where + " : " + v.name(), out);
            if (why != null) {
                byte[] data = read[0] != null ? read[0] : v.data();
                out.hit(new Hit(k.path(), v.name(), v.typeCode(), data, v.decoded(data), v.fileOffset(),
                        k.lastWrittenRaw(), null, why[0], why[1]));
            }
        }
    }

    private void recovered(Hive hive, List<DeletedRecords.Item> items, Listener out) throws IOException {
        // a recovered value carries no time; its key's, when that key was recovered too (or is live)
        Map<String, Long> keyTimes = new HashMap<>();
        for (DeletedRecords.Item i : items) {
            if (i.isKey()) {
                keyTimes.putIfAbsent(i.path().toLowerCase(java.util.Locale.ROOT), i.lastWritten());
            }
        }
        for (DeletedRecords.Item i : items) {
            String where = hive.name() + ": recovered " + i.kind() + " at offset " + i.fileOffset();
            if (i.isKey()) {
                String m = target.keys() ? find(i.name(), where + " (key name)", out) : null;
                if (m != null) {
                    out.hit(new Hit(i.path(), null, 0, new byte[0], null, i.fileOffset(), i.lastWritten(), i.label(),
                            "key", m));
                }
                continue;
            }
            String[] why = value(i.name(), i.typeCode(), i::data, where, out);
            if (why != null) {
                Long t = keyTimes.get(i.path().toLowerCase(java.util.Locale.ROOT));
                if (t == null && i.pathComplete() && !i.path().isEmpty()) {
                    Key live = hive.key(i.path());
                    t = live == null ? null : live.lastWrittenRaw();
                }
                out.hit(new Hit(i.path(), i.name(), i.typeCode(), i.data(), DecodedValue.decode(i.typeCode(), i.data()),
                        i.fileOffset(), t == null ? -1 : t, i.label(), why[0], why[1]));
            }
        }
    }

    /** {field, matched} for the first field of a value that matches (its name, then its data), or null. */
    private String[] value(String name, long typeCode, java.util.function.Supplier<byte[]> dataOf, String where,
                           Listener out) {
        if (target.valueNames()) {
            String m = find(name, where + " (value name)", out);
            if (m != null) {
                return new String[] {"value", m};
            }
        }
        if (!target.data()) {
            return null;
        }
        byte[] data = dataOf.get();
        byte[] searched = data;
        if (data.length > MAX_DATA) {
            out.note(where + ": data of " + data.length + " bytes; only the first " + MAX_DATA + " were searched", false);
            searched = java.util.Arrays.copyOf(data, MAX_DATA);
        }
        for (String[] reading : readings(typeCode, searched)) {
            String m = find(reading[1], where + " (" + reading[0] + ")", out);
            if (m != null) {
                return new String[] {reading[0], m};
            }
        }
        return null;
    }

    /**
     * The texts a value's data is searched as, each {field, text}: a string as decoded (up to its NUL), each
     * REG_MULTI_SZ entry, a number as {@code hive dump} renders it ({@code 1 (0x1)}); anything else (binary, odd
     * sizes, unknown types) as UTF-16LE text at even and at odd offsets and as bytes, one character per byte
     * (Latin-1: ASCII text reads as itself, and {@code \xNN} in a regex matches the byte NN).
     */
    static List<String[]> readings(long typeCode, byte[] data) {
        DecodedValue d = DecodedValue.decode(typeCode, data);
        List<String[]> out = new ArrayList<>();
        switch (d.kind()) {
            case STRING -> out.add(new String[] {"data", d.text()});
            case MULTI_STRING -> {
                for (int i = 0; i < d.strings().size(); i++) {
                    out.add(new String[] {"data[" + i + "]", d.strings().get(i)});
                }
            }
            case NUMBER -> out.add(new String[] {"data", d.render(data)});
            case BINARY -> {
                out.add(new String[] {"data (UTF-16LE)", Text.utf16le(data, 0, data.length & ~1)});
                if (data.length > 2) {
                    out.add(new String[] {"data (UTF-16LE, odd offset)", Text.utf16le(data, 1, (data.length - 1) & ~1)});
                }
                out.add(new String[] {"data (ASCII)", Text.latin1(data, 0, data.length)});
            }
        }
        return out;
    }

    /** The first match of the pattern in {@code text} (shortened to {@link #SHOWN}), or null; bounded in time. */
    private String find(String text, String where, Listener out) {
        if (giveUps >= MAX_GIVE_UPS) {
            throw new Stopped("the search stopped after " + giveUps + " matches gave up (" + MATCH_MILLIS
                    + " ms each): the regex backtracks without end on this data; simplify it (possessive or "
                    + "atomic groups) or search with --literal");
        }
        Matcher m = pattern.matcher(new Deadline(text, System.nanoTime() + matchNanos));
        try {
            if (!m.find()) {
                return null;
            }
        } catch (Deadline.Expired e) {
            giveUps++;
            out.note(where + ": the match gave up after " + matchNanos / 1_000_000 + " ms on " + text.length()
                    + " characters (the regex backtracks too much on this data); not searched", true);
            return null;
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group such as (a|b)+: long data overflows the
            // stack, quickly and without harm to anything but this match
            out.note(where + ": the match gave up on " + text.length() + " characters (the regex recurses too deep "
                    + "on this data: a repeated group with alternatives; [ab]+ instead of (a|b)+ does not); not "
                    + "searched", true);
            return null;
        }
        String s = text.substring(m.start(), m.end());
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...";
    }

    /**
     * Text that ends a match once its deadline has passed: the matcher reads every character through
     * {@link #charAt}, so a backtracking regex checks the clock every {@value #CHECK_EVERY} reads.
     */
    static final class Deadline implements CharSequence {
        static final int CHECK_EVERY = 4096;
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= CHECK_EVERY) {
                reads = 0;
                if (System.nanoTime() - deadline > 0) {
                    throw new Expired();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class Expired extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Expired() {
                super("match deadline", null, false, false);
            }
        }
    }
}
