package org.patchlens.report;

import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV printer of every output (docs/hive-formats.md, *CSV*): RFC 4180 as commons-csv writes it
 * (comma, {@code "} quoting where needed, CRLF), except that a field holding a control character (C0,
 * DEL, C1) is always quoted. commons-csv's minimal quoting quotes CR, LF, comma and quote but leaves an
 * ESC, a BEL or U+009B in the middle of a field bare; the docs promise evidence text with control
 * characters "inside quotes", kept as found, so a reader sees where such a field starts and ends. No
 * {@link QuoteMode} says this, so the choice is made here per field: {@link #FORMAT} for the others
 * (their bytes unchanged), {@link #QUOTED} for these.
 */
final class Csv implements Flushable {
    /** Every CSV's dialect. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** The same, quoting the field whatever it holds. */
    private static final CSVFormat QUOTED = FORMAT.builder().setQuoteMode(QuoteMode.ALL).get();

    private final Appendable out;

    /** A printer onto {@code out}, which writes the header row at once. */
    Csv(Appendable out, List<String> header) throws IOException {
        this.out = out;
        printRecord(header);
    }

    /** One row. */
    void printRecord(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            print(values[i], i == 0);
        }
        FORMAT.println(out);
    }

    /** One row. */
    void printRecord(Iterable<?> values) throws IOException {
        boolean first = true;
        for (Object v : values) {
            print(v, first);
            first = false;
        }
        FORMAT.println(out);
    }

    private void print(Object value, boolean first) throws IOException {
        if (value == null) {
            FORMAT.print(null, out, first); // an empty field, as commons-csv writes null
            return;
        }
        CharSequence s = value instanceof CharSequence c ? c : value.toString();
        (hasControl(s) ? QUOTED : FORMAT).print(s, out, first);
    }

    /** Whether {@code s} holds a C0 control, DEL or a C1 control (U+0080..U+009F). */
    static boolean hasControl(CharSequence s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    @Override
    public void flush() throws IOException {
        if (out instanceof Flushable f) {
            f.flush();
        }
    }
}
