package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchlens.Echo;

/**
 * Saved {@code eseutil /ml <base>} range-mode text into a {@link LogListing}: the forms the engine prints
 * (SOURCE logdump.cxx {@code ErrDUMPLog} and {@code LOG::ErrLGDumpLog}, the Exchange 2000/2003 and the
 * current engine): {@code Log file: <path> - OK}, or {@code Log file: <path>} followed by indented
 * {@code ERROR: ...} lines, {@code Missing log file: <base><hex><ext>}, {@code Missing log files:
 * <base>{<hex> - <hex>}<ext>}, {@code Base name:}, {@code Log generation range: 0xA-0xB}, {@code No damaged
 * log files were found.} and the {@code Operation ...} trailer. Every other line is kept with a WARNING
 * naming it: a verification listing may hold a verdict this parser does not know.
 */
final class MlRangeParser {
    private static final Pattern OK = EseutilValues.line("^(.*?)\\s+-\\s+OK\\s*$");
    private static final Pattern MISSING_RANGE = EseutilValues.line("^(.*)\\{\\s*([0-9A-Fa-f]{1,8})\\s*-\\s*([0-9A-Fa-f]{1,8})\\s*}(.*)$");
    private static final Pattern RANGE = EseutilValues.line("^0x([0-9A-Fa-f]{1,8})\\s*-\\s*0x([0-9A-Fa-f]{1,8})$");
    /** The two messages that carry the generation eseutil read from the header (a sequence error, not damage). */
    private static final Pattern MISMATCHED = EseutilValues.line("Mismatched log generation (\\d{1,10})");
    private static final Pattern CURRENT_GAP = EseutilValues.line("Missing log file\\(s\\)\\. Log file is generation (\\d{1,10})");
    /** Lines eseutil prints around every run: banner, mode, blank separators; understood, nothing to record. */
    private static final String[] BANNERS = {"Microsoft(R) ", "Extensible Storage Engine Utilities", "Version ",
        "Copyright (C) Microsoft", "Initiating FILE DUMP mode", "Verifying log files"};
    /** Missing generations listed per listing, at most (a crafted {@code {00000001 - FFFFFFFF}} spans billions). */
    static final int MAX_MISSING = 10_000;

    private final String name;
    private final List<ListedLog> logs = new ArrayList<>();
    /** The notes and kept lines, and where a note's line is ({@code ml.txt line 12: }), as the dump parsers have them. */
    private final DumpLines lines;
    private final List<Note> notes;
    private final List<TextField> kept;
    private String baseName;
    private long rangeLow = -1;
    private long rangeHigh = -1;
    private String summary;
    private int summaryLine;
    private int lastLine;
    private boolean clean;
    private boolean cappedMissing;
    private int missingCount;
    private int lastMissingLine;
    /** A {@code Log file:} line waiting for its verdict: path and line number. */
    private String pendingFile;
    private int pendingLine;
    private final StringBuilder pendingMessage = new StringBuilder();

    private MlRangeParser(String name) {
        this.name = name;
        lines = new DumpLines(name);
        notes = lines.notes;
        kept = lines.kept;
    }

    /** True when the text is a range listing: eseutil's {@code Verifying log files...} line. */
    static boolean isListing(List<String> lines) {
        return lines.stream().anyMatch(l -> l.trim().startsWith("Verifying log files"));
    }

    /** True when the text has a {@code Log file:} or {@code Missing log file(s):} line (a listing without its first line). */
    static boolean hasListingLines(List<String> lines) {
        for (String l : lines) {
            String label = EseutilValues.label(l);
            if (label != null && List.of("log file", "missing log file", "missing log files")
                    .contains(label.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static LogListing parse(String name, List<String> lines) {
        MlRangeParser p = new MlRangeParser(name);
        for (int n = 0; n < lines.size(); n++) {
            p.line(n + 1, lines.get(n));
        }
        p.lastLine = lines.size();
        p.closePending();
        return p.listing();
    }

    private void line(int lineNo, String line) {
        String t = line.trim();
        if (t.isEmpty()) {
            return;
        }
        if (errorLine(t)) {
            error(lineNo, t);
            return;
        }
        if (t.equals("No damaged log files were found.")) {
            clean = true;
            summary = t;
            summaryLine = lineNo;
            return;
        }
        if (t.startsWith("Operation completed successfully") || t.startsWith("Operation terminated with error")) {
            closePending();
            if (summary == null || !clean) {
                summary = t;
                summaryLine = lineNo;
            }
            if (t.startsWith("Operation terminated")) {
                notes.add(Note.warning(-1, lines.at(lineNo) + "eseutil reported: " + Echo.capped(t)));
            }
            return;
        }
        for (String b : BANNERS) {
            if (t.startsWith(b)) {
                return;
            }
        }
        Matcher lm = EseutilValues.LABEL.matcher(line);
        if (!lm.matches()) {
            notUnderstood(lineNo, t);
            return;
        }
        String label = lm.group(1).trim();
        String value = lm.group(2).trim();
        switch (label.toLowerCase(Locale.ROOT)) {
            case "base name" -> baseName(lineNo, value);
            case "log generation range" -> range(lineNo, label, value);
            case "log file" -> logFile(lineNo, value);
            case "missing log file" -> missing(lineNo, value, value, -1, -1);
            case "missing log files" -> missingRange(lineNo, label, value);
            case "integrity check passed for log file" -> notes.add(Note.info("eseutil reported: " + Echo.capped(t)));
            default -> {
                kept.add(new TextField(lineNo, label, value));
                notes.add(Note.warning(-1, lines.at(lineNo) + "not understood (kept): " + Echo.capped(t)));
            }
        }
    }

    /**
     * A line (trimmed) of eseutil's verdict on the file named above it: an ERROR, or the lines that carry one on
     * (the expected signature under {@code Invalid log signature}, a corruption message).
     */
    static boolean errorLine(String t) {
        return t.startsWith("ERROR:") || t.startsWith("CORRUPTION DETECTED") || t.startsWith("Expected signature:")
                || t.startsWith("Log Damaged (unusable)");
    }

    private void notUnderstood(int lineNo, String t) {
        kept.add(new TextField(lineNo, "", t));
        notes.add(Note.warning(-1, lines.at(lineNo) + "not understood (kept): " + Echo.capped(t)));
    }

    private void baseName(int lineNo, String value) {
        if (baseName != null && !baseName.equalsIgnoreCase(value)) {
            notes.add(Note.warning(-1, lines.at(lineNo) + "a second base name " + Echo.capped(value) + " (first "
                    + Echo.capped(baseName) + ")"));
            return;
        }
        baseName = value;
    }

    private void range(int lineNo, String label, String value) {
        Matcher m = RANGE.matcher(value);
        if (!m.matches()) {
            kept.add(new TextField(lineNo, label, value));
            notes.add(Note.warning(-1, lines.at(lineNo) + "value of \"" + label + "\" not understood: "
                    + Echo.capped(value)));
            return;
        }
        rangeLow = Long.parseLong(m.group(1), 16);
        rangeHigh = Long.parseLong(m.group(2), 16);
        notes.add(Note.info("eseutil verified only generations " + rangeLow + "-" + rangeHigh + " (" + label + ": "
                + Echo.capped(value) + ")"));
    }

    private void logFile(int lineNo, String value) {
        closePending();
        Matcher ok = OK.matcher(value);
        if (ok.matches()) {
            logs.add(new ListedLog(ok.group(1), lineNo, ListedLog.Status.OK, 0, ListedLog.GenerationFrom.UNKNOWN, ""));
            return;
        }
        pendingFile = value;
        pendingLine = lineNo;
    }

    /** An ERROR line: the pending file's verdict (or its continuation), else a verdict of the whole listing. */
    private void error(int lineNo, String t) {
        if (pendingFile != null) {
            pendingMessage.append(pendingMessage.length() > 0 ? " " : "").append(t);
            return;
        }
        notes.add(Note.error(-1, lines.at(lineNo) + "eseutil reported: " + Echo.capped(t)));
    }

    private void closePending() {
        if (pendingFile == null) {
            return;
        }
        logs.add(verdict(pendingFile, pendingLine, pendingMessage.toString()));
        pendingFile = null;
        pendingMessage.setLength(0);
    }

    /**
     * eseutil's verdict on a file from the ERROR text printed under it (its lines joined): none is NO_VERDICT; a
     * sequence message that gives the generation the header holds is OUT_OF_SEQUENCE with that generation; any other
     * ERROR is DAMAGED. The generation is otherwise left UNKNOWN, for the caller to take from the name.
     */
    static ListedLog verdict(String file, int line, String msg) {
        ListedLog.Status status = msg.isEmpty() ? ListedLog.Status.NO_VERDICT : ListedLog.Status.DAMAGED;
        long gen = 0;
        ListedLog.GenerationFrom from = ListedLog.GenerationFrom.UNKNOWN;
        long g = generationIn(MISMATCHED, msg);
        g = g > 0 ? g : generationIn(CURRENT_GAP, msg);
        if (g > 0) {
            status = ListedLog.Status.OUT_OF_SEQUENCE;
            gen = g;
            from = ListedLog.GenerationFrom.ESEUTIL_MESSAGE;
        }
        return new ListedLog(file, line, status, gen, from, msg);
    }

    /** The generation a sequence message names, or 0 (absent, or beyond a 32-bit header generation). */
    private static long generationIn(Pattern p, String msg) {
        Matcher m = p.matcher(msg);
        if (!m.find()) {
            return 0;
        }
        long g = Long.parseLong(m.group(1));
        return g <= Integer.MAX_VALUE ? g : 0;
    }

    /** {@code Missing log files: E00{00004 - 00007}.log}: one entry per generation, at most {@link #MAX_MISSING} in all. */
    private void missingRange(int lineNo, String label, String value) {
        closePending();
        Matcher m = MISSING_RANGE.matcher(value);
        if (!m.matches()) {
            kept.add(new TextField(lineNo, label, value));
            notes.add(Note.error(-1, lines.at(lineNo) + "eseutil reported missing log files, not understood: "
                    + Echo.capped(value)));
            return;
        }
        long low = Long.parseLong(m.group(2), 16);
        long high = Long.parseLong(m.group(3), 16);
        int width = m.group(2).length();
        // the names as eseutil would print them: ESE98 uses %05lx (lower case), the current engine upper case
        boolean lower = (m.group(2) + m.group(3)).chars().anyMatch(Character::isLowerCase);
        for (long g = low; g <= high; g++) {
            String hex = LogNames.hex(g, width);
            if (!missing(lineNo, m.group(1) + (lower ? hex.toLowerCase(Locale.ROOT) : hex) + m.group(4), value, low, high)) {
                break;
            }
        }
    }

    /** One missing file; false when the cap is reached. The ERROR note is written once per eseutil line. */
    private boolean missing(int lineNo, String file, String printed, long low, long high) {
        closePending();
        if (lastMissingLine != lineNo) {
            lastMissingLine = lineNo;
            String gens = low >= 0 ? " (generations " + low + "-" + high + ")" : "";
            notes.add(Note.error(-1, lines.at(lineNo) + "eseutil reported missing: " + printed + gens
                    + " (JET_errMissingLogFile -528)"));
        }
        if (missingCount >= MAX_MISSING) {
            if (!cappedMissing) {
                cappedMissing = true;
                notes.add(Note.warning(-1, lines.at(lineNo) + "more than " + MAX_MISSING
                        + " missing generations; the rest are not listed one by one"));
            }
            return false;
        }
        missingCount++;
        long gen = generationOfName(file);
        logs.add(new ListedLog(file, lineNo, ListedLog.Status.MISSING, Math.max(gen, 0),
                gen > 0 ? ListedLog.GenerationFrom.NAME : ListedLog.GenerationFrom.UNKNOWN, ""));
        return true;
    }

    /** An archived name's generation when a 32-bit header could hold it, else -1. */
    static long generationOfName(String file) {
        long g = LogNames.nameGeneration(file);
        return g <= Integer.MAX_VALUE ? g : -1;
    }

    // ------------------------------------------------------------------ the result

    private LogListing listing() {
        List<ListedLog> resolved = generations();
        summaryNotes(resolved);
        List<LogHeader> headers = new ArrayList<>();
        for (ListedLog l : resolved) {
            if (l.status() != ListedLog.Status.MISSING) {
                headers.add(header(l, headers.isEmpty()));
            }
        }
        return new LogListing(name, baseName, rangeLow, rangeHigh, resolved, summary, clean, headers, notes, kept);
    }

    /** Each file's generation: the name's hex digits; eseutil's message; the current log's from the OK log before it. */
    private List<ListedLog> generations() {
        List<ListedLog> out = new ArrayList<>();
        java.util.Map<String, ListedLog> previousByBase = new java.util.HashMap<>();
        for (ListedLog l : logs) {
            ListedLog r = l;
            // eseutil lists one base name's files; another base's (an edited or concatenated listing) is no predecessor
            String base = LogNames.baseOf(l.file()).toUpperCase(Locale.ROOT);
            ListedLog previous = previousByBase.get(base);
            if (l.generationFrom() == ListedLog.GenerationFrom.UNKNOWN && l.status() != ListedLog.Status.MISSING) {
                long g = generationOfName(l.file());
                if (g > 0) {
                    r = with(l, g, ListedLog.GenerationFrom.NAME);
                } else if (LogNames.isCurrent(l.file()) && l.status() == ListedLog.Status.OK && previous != null
                        && previous.status() == ListedLog.Status.OK && previous.generationFrom() == ListedLog.GenerationFrom.NAME) {
                    r = with(l, previous.generation() + 1, ListedLog.GenerationFrom.INFERRED_FROM_PREVIOUS);
                }
            }
            if (baseName != null && LogNames.isLogName(r.file()) && !LogNames.baseOf(r.file()).equalsIgnoreCase(baseName)) {
                notes.add(Note.warning(-1, lines.at(r.line()) + EseFile.baseName(r.file()) + ": base name "
                        + LogNames.baseOf(r.file()) + " is not the listing's " + baseName));
            }
            out.add(r);
            previousByBase.put(base, r);
        }
        return out;
    }

    private static ListedLog with(ListedLog l, long g, ListedLog.GenerationFrom from) {
        return new ListedLog(l.file(), l.line(), l.status(), g, from, l.message());
    }

    /** The summary against the files: clean, not clean, cut short, or contradicting the files. */
    private void summaryNotes(List<ListedLog> resolved) {
        boolean problems = resolved.stream().anyMatch(l -> l.status() != ListedLog.Status.OK)
                || notes.stream().anyMatch(n -> n.level() == Note.Level.ERROR);
        if (clean && problems) {
            notes.add(Note.warning(-1, lines.at(summaryLine) + "the listing says \"No damaged log files were found.\" "
                    + "but names damaged, missing or unverified files (an edited or concatenated listing?)"));
        } else if (clean) {
            notes.add(Note.info("eseutil reported: No damaged log files were found."));
        } else if (summary == null) {
            notes.add(Note.warning(-1, lines.at(lastLine) + "the listing ends without eseutil's summary (\"No damaged "
                    + "log files were found.\" or the Operation line): it may be cut short"));
        } else if (!problems && summary.startsWith("Operation completed successfully")) {
            notes.add(Note.warning(-1, lines.at(summaryLine) + "the listing has no \"No damaged log files were found.\" "
                    + "line before \"" + summary + "\" (edited?)"));
        }
        if (resolved.isEmpty()) {
            notes.add(Note.warning(-1, name + ": the listing names no log file"));
        }
    }

    /** The header a listed file stands for: its name, generation and eseutil's verdict; no other field is known. */
    private LogHeader header(ListedLog l, boolean first) {
        List<Note> n = new ArrayList<>();
        n.add(Note.info("source: eseutil /ml range listing in " + name + " (line " + l.line() + (baseName != null
                ? ", base name " + baseName : "") + "): only the file name and eseutil's verdict are printed; the other "
                + "fields are unknown (0 in JSON output), no checksum was verified"));
        n.add(switch (l.generationFrom()) {
            case NAME -> Note.info("generation " + l.generation() + " from the file name");
            case ESEUTIL_MESSAGE -> Note.info("generation " + l.generation() + " from eseutil's message");
            case INFERRED_FROM_PREVIOUS -> Note.info("generation " + l.generation() + " INFERRED: eseutil verified this "
                    + "current log against the archived log before it (generation " + (l.generation() - 1) + ")");
            case UNKNOWN -> Note.info("generation unknown: the name has no generation and eseutil verified no "
                    + "undamaged archived log just before it");
        });
        n.add(switch (l.status()) {
            case OK -> Note.info("eseutil /ml: OK");
            case DAMAGED, OUT_OF_SEQUENCE -> Note.error(-1, lines.at(l.line()) + "eseutil /ml reported under "
                    + EseFile.baseName(l.file()) + ": " + l.message());
            default -> Note.warning(-1, lines.at(l.line()) + "no eseutil verdict for " + EseFile.baseName(l.file())
                    + " (neither \"- OK\" nor an ERROR after it): the listing is cut or edited");
        });
        if (first) {
            n.addAll(notes);
        }
        return LogHeader.listed(l.file(), l, n, first ? kept : List.of());
    }
}
