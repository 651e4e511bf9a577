package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attached-database blocks of an {@code /mk} or {@code /ml} dump: a {@code dbid path} line starts
 * an entry ({@code /mk}: {@code 1 path LogOn VerOn RW}; {@code /ml}: {@code 1 path [(sparse)]}), the
 * label lines after it ({@code dbtime}, {@code objidLast}, {@code Signature}, {@code MaxDbSize},
 * {@code Last Attach}, {@code Last Consistent}) fill it. A value that does not read leaves the field 0.
 */
final class DumpAttachments {
    private static final Pattern MK_ATTACH = EseutilValues.line("^\\s*(\\d{1,3})\\s+(.+?)\\s+(LogOn|LogOff)\\s+(VerOn|VerOff)\\s+(R|RW)\\s*$");
    private static final Pattern ML_ATTACH = EseutilValues.line("^\\s*(\\d{1,3})\\s+((?:[A-Za-z]:)?[\\\\/].*?|\\S+\\.(?i:edb|stm|dat|db|mdb|dit))(\\s+\\(sparse\\))?\\s*$");

    private final DumpLines lines;
    private final boolean checkpointForm;
    private final List<AttachedDatabase> done = new ArrayList<>();
    private Entry current;

    /** {@code checkpointForm}: /mk, whose entry lines may also end in {@code LogOn VerOn RW}; notes go to {@code lines}. */
    DumpAttachments(DumpLines lines, boolean checkpointForm) {
        this.lines = lines;
        this.checkpointForm = checkpointForm;
    }

    /** True when {@code line} starts a new entry (the previous one is complete). */
    boolean starts(String line) {
        Matcher mk = MK_ATTACH.matcher(line);
        if (checkpointForm && mk.matches()) {
            begin(new Entry(Integer.parseInt(mk.group(1)), mk.group(2), false));
            return true;
        }
        Matcher ml = ML_ATTACH.matcher(line);
        if (ml.matches() && !line.contains(": ")) {
            begin(new Entry(Integer.parseInt(ml.group(1)), ml.group(2).trim(), ml.group(3) != null));
            return true;
        }
        return false;
    }

    /** Gives a label line to the current entry; false when there is none or the label is not an entry's. */
    boolean take(String key, String value) {
        return current != null && current.take(key, value);
    }

    List<AttachedDatabase> all() {
        begin(null);
        return done;
    }

    private void begin(Entry next) {
        if (current != null) {
            done.add(current.build());
        }
        current = next;
    }

    /** An entry being collected. */
    private final class Entry {
        final int dbid;
        final String path;
        final boolean sparse;
        long dbtime;
        long objid;
        long max;
        LogPosition attach = LogPosition.ZERO;
        LogPosition consistent = LogPosition.ZERO;
        Signature sig = Signature.of(0, LogTime.UNSET, "");

        Entry(int dbid, String path, boolean sparse) {
            this.dbid = dbid;
            this.path = path;
            this.sparse = sparse;
        }

        boolean take(String key, String value) {
            switch (key) {
                case "dbtime" -> dbtime = DumpLines.orZero(EseutilValues.num(value));
                case "objidlast" -> objid = DumpLines.orZero(EseutilValues.num(value));
                case "signature" -> DumpLines.optional(lines.readSignature(value), s -> sig = s);
                case "maxdbsize" -> max = DumpLines.orZero(EseutilValues.num(value));
                case "last attach" -> attach = orZero(EseutilValues.lgpos(value));
                case "last consistent" -> consistent = orZero(EseutilValues.lgpos(value));
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static LogPosition orZero(LogPosition p) {
            return p == null ? LogPosition.ZERO : p;
        }

        AttachedDatabase build() {
            return new AttachedDatabase(-1, dbid, 0x20 | (sparse ? 0x40 : 0), dbtime, objid, max, attach, consistent, sig,
                    path);
        }
    }
}
