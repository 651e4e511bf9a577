package org.patchlens.ese;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.patchlens.Echo;

/**
 * What the three eseutil dump parsers ({@link MhParser}, {@link MkParser}, {@link MlParser}) share about
 * lines: the notes, the lines kept as printed ({@link TextField}), and the rule for a value that does
 * not read — a WARNING naming the line, and the line is kept, never an exception.
 */
final class DumpLines {
    /** Maps one label (lower case) of a dump to its typed field; false when the label is not one of the dump's. */
    interface LabelMapper {
        boolean map(String key, String value);
    }

    /** A NetBIOS computer name is at most 15 bytes. */
    static final int NETBIOS_NAME_MAX = 15;

    /** The text file's name as given, for the notes that quote eseutil ({@code mh.txt line 12: eseutil reported: ...}). */
    private final String textName;

    final List<Note> notes = new ArrayList<>();
    final List<TextField> kept = new ArrayList<>();
    /** Set while a label is mapped when one of its values did not read. */
    private boolean failed;
    /** The line being mapped and its label, for the notes a value gives. */
    private int lineNo;
    private String label;

    DumpLines(String textName) {
        this.textName = textName;
    }

    /**
     * Maps a {@code label: value} line; false when it was not mapped (the caller keeps it). A value that
     * does not read, or a mapper that throws, is a WARNING {@code mh.txt line N: value of "label" not understood}.
     */
    boolean map(int lineNo, String label, String value, LabelMapper mapper) {
        failed = false;
        this.lineNo = lineNo;
        this.label = label;
        boolean mapped;
        try {
            mapped = mapper.map(label.toLowerCase(Locale.ROOT), value);
        } catch (RuntimeException ex) {
            failed = true;
            mapped = false;
        }
        if (failed) {
            notes.add(Note.warning(-1, at(lineNo) + "value of \"" + label + "\" not understood: "
                    + Echo.capped(value)));
            return false;
        }
        return mapped;
    }

    /** {@code into} takes the value when it was read; a null value marks the line's value not understood. */
    <T> void set(T value, Consumer<T> into) {
        if (value != null) {
            into.accept(value);
        } else {
            failed = true;
        }
    }

    /**
     * A signature into {@code into}. Its computer name is kept as the signature's Latin-1 bytes, where a
     * character past U+00FF (U+2028, say) would turn into {@code ?}: such a name marks the value not
     * understood, so the line is kept as printed, with its WARNING, beside what did read.
     */
    void signature(String value, Consumer<Signature> into) {
        set(readSignature(value), into);
        if (!EseutilValues.computerNameFits(value)) {
            failed = true;
        }
    }

    /**
     * The signature of {@code value}, or null. A computer name longer than a NetBIOS name can be is kept as
     * printed, with a WARNING naming the line: cut to 15 bytes, it would say what the text does not.
     */
    Signature readSignature(String value) {
        Signature s = EseutilValues.signature(value);
        if (s != null) {
            int bytes = s.computerName().getBytes(StandardCharsets.ISO_8859_1).length;
            if (bytes > NETBIOS_NAME_MAX) {
                notes.add(Note.warning(-1, at(lineNo) + "the computer name in \"" + label + "\" is " + bytes
                        + " bytes, longer than a NetBIOS name can be (" + NETBIOS_NAME_MAX + "): \"" + s.computerName()
                        + "\" kept as printed; signatures are compared by its first " + Signature.COMPUTER_NAME_FIELD
                        + " bytes, all the signature's field holds"));
            }
        }
        return s;
    }

    /** For parts of a value that may legitimately be absent: {@code into} takes it only when present. */
    static <T> void optional(T value, Consumer<T> into) {
        if (value != null) {
            into.accept(value);
        }
    }

    /** Marks the value of the line being mapped as not understood. */
    void notUnderstood() {
        failed = true;
    }

    /**
     * A line no field took: eseutil's {@code WARNING:} / {@code ERROR:} lines and its
     * {@code Operation terminated with error} trailer become notes naming the text file and the line
     * ({@code mh.txt line 6: eseutil reported: ERROR: ...}), as in an /ml dump; any other line is kept as printed, a
     * {@code label: value} line with its label, other text (eseutil's banner and version, a line no documented
     * dump has) whole, with an empty label.
     */
    void keep(int lineNo, String line, String label, String value) {
        String low = line.trim();
        if (low.startsWith("WARNING:") || low.startsWith("ERROR:")) {
            notes.add(new Note(low.startsWith("ERROR:") ? Note.Level.ERROR : Note.Level.WARNING, -1,
                    at(lineNo) + "eseutil reported: " + Echo.capped(low)));
        } else if (low.startsWith("Operation terminated with error")) {
            notes.add(Note.warning(-1, at(lineNo) + "eseutil reported: " + Echo.capped(low)));
        } else if (label != null) {
            kept.add(new TextField(lineNo, label, value));
        } else {
            // the text is evidence: what the parser cannot place is shown, never dropped
            kept.add(new TextField(lineNo, "", low));
        }
    }

    /** The number of the line being mapped. */
    int line() {
        return lineNo;
    }

    /** {@code "mh.txt line 12: "}: where in the text a note comes from (the range listing's notes say it so too). */
    String at(int lineNo) {
        return textName + " line " + lineNo + ": ";
    }

    /** A line without a label: kept (as {@link #keep}) unless blank. */
    void keepUnlabeled(int lineNo, String line) {
        if (!line.isBlank()) {
            keep(lineNo, line, null, null);
        }
    }

    /**
     * The labels of {@code always} (the labels a dump type always prints, in eseutil's order) that a text cut short
     * stops before: those after the ones it printed, when it printed the first of them and none after; empty for a
     * whole text, and for one that lacks labels from the middle (edited or written by hand, not cut).
     *
     * @param printed the labels the text printed, in lower case
     */
    static List<String> notPrintedAfterCut(List<String> always, Set<String> printed) {
        int present = 0;
        while (present < always.size() && printed.contains(always.get(present).toLowerCase(Locale.ROOT))) {
            present++;
        }
        List<String> rest = always.subList(present, always.size());
        boolean noneAfter = rest.stream().noneMatch(l -> printed.contains(l.toLowerCase(Locale.ROOT)));
        return present > 0 && noneAfter ? List.copyOf(rest) : List.of();
    }

    /** The WARNING of a text cut short at its last line {@code lastLine}: it {@code what}; for eseutil {@code dump}. */
    void cutShort(int lastLine, String what, String dump) {
        notes.add(Note.warning(-1, at(lastLine) + "the text is incomplete, cut short: it " + what
                + "; this last line may be cut too. Save the whole eseutil " + dump + " output"));
    }

    static long orZero(Long l) {
        return l == null ? 0 : l;
    }
}
