package org.patchlens.ese;

import java.util.List;

/**
 * A saved {@code eseutil /ml <base>} run over a whole log set (range mode, ese-format.md 8.3): {@code Verifying
 * log files...}, {@code Base name:}, one {@code Log file: ... - OK} line per log (or the file followed by its
 * ERROR lines), {@code Missing log file(s):} lines, and {@code No damaged log files were found.} when eseutil
 * found nothing wrong. Nothing else is printed, so each present file becomes a {@link LogHeader} (source
 * {@link Source#TEXT}) with the generation from its name and no other field ({@link LogHeader#listed()}
 * says so); the log-chain analysis uses them like binary logs.
 *
 * @param file       the text file
 * @param baseName   the {@code Base name:} line's value, or null
 * @param rangeLow   the {@code Log generation range: 0xA-0xB} low end, or -1 when not printed
 * @param rangeHigh  its high end, or -1
 * @param logs       every file the listing names, in order, missing generations included
 * @param summary    {@code No damaged log files were found.} or the {@code Operation ...} trailer, as printed;
 *                   null when the text has neither (cut short)
 * @param clean      true when eseutil printed {@code No damaged log files were found.}
 * @param headers    one header per present file (OK, damaged, out of sequence, no verdict), in order
 * @param notes      the listing's verdicts: the summary, missing files, inconsistencies, lines not understood
 * @param textFields lines the parser did not understand, kept as printed (text without a label has an empty label)
 */
public record LogListing(String file, String baseName, long rangeLow, long rangeHigh, List<ListedLog> logs,
        String summary, boolean clean, List<LogHeader> headers, List<Note> notes, List<TextField> textFields) {
    public LogListing {
        logs = List.copyOf(logs);
        headers = List.copyOf(headers);
        notes = List.copyOf(notes);
        textFields = List.copyOf(textFields);
    }

    /** The generations eseutil reported missing. */
    public List<ListedLog> missing() {
        return logs.stream().filter(l -> l.status() == ListedLog.Status.MISSING).toList();
    }

    /** The files eseutil reported damaged (or unreadable, or of another signature). */
    public List<ListedLog> damaged() {
        return logs.stream().filter(l -> l.status() == ListedLog.Status.DAMAGED).toList();
    }

    /** True when any note is a WARNING or ERROR. */
    public boolean findings() {
        return notes.stream().anyMatch(Note::isFinding) || headers.stream().anyMatch(LogHeader::findings);
    }
}
