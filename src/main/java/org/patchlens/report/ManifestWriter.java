package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code manifest.tsv}, written into the folder of a batch ({@code hive dump ... -o DIR}): one row per hive
 * given or found, in the order they were read, saying where each output came from. Tab-separated, one
 * header row, LF line ends, UTF-8; a backslash in a field is written {@code \\}, and every character the text
 * outputs escape ({@link Printable#of}: C0 controls, DEL, C1 controls, bidirectional controls, line separators)
 * as they escape it: {@code \t}, {@code \n}, {@code \r}, else {@code \}{@code u001b}. So every row is one line
 * of exactly {@link #COLUMNS} fields, and a crafted file name cannot send escape sequences to whoever views it.
 */
public final class ManifestWriter {
    public static final String NAME = "manifest.tsv";

    public static final List<String> COLUMNS = List.of("source", "sha256", "type", "user", "sid", "output", "keys",
            "values", "damage", "replay", "error");

    /**
     * One hive. {@code output} is the output's file name in the folder ("" when the hive could not be read, with
     * {@code error} saying why); {@code keys}, {@code values}, {@code damage} are -1 when unknown (written empty);
     * {@code replay} the log replay verdict.
     */
    public record Row(String source, String sha256, String type, String user, String sid, String output, long keys,
                      long values, long damage, String replay, String error) {
    }

    private ManifestWriter() {
    }

    public static void write(List<Row> rows, Writer w) throws IOException {
        w.write(String.join("\t", COLUMNS));
        w.write('\n');
        for (Row r : rows) {
            String[] f = {r.source(), r.sha256(), r.type(), r.user(), r.sid(), r.output(), count(r.keys()),
                count(r.values()), count(r.damage()), r.replay(), r.error()};
            for (int i = 0; i < f.length; i++) {
                if (i > 0) {
                    w.write('\t');
                }
                w.write(escape(f[i]));
            }
            w.write('\n');
        }
        w.flush();
    }

    private static String count(long n) {
        return n < 0 ? "" : Long.toString(n);
    }

    /** A field on one line: backslashes doubled, then what {@link Printable#of} escapes escaped as it does. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        // doubled first, so that a name holding a backslash and "u001b" as text reads apart from one holding ESC
        return Printable.of(s.replace("\\", "\\\\"));
    }
}
