package org.patchlens.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code manifest.tsv}, written into the folder of a batch ({@code hive dump ... -o DIR}): one row per hive
 * given or found, in the order they were read, saying where each output came from. Tab-separated, one
 * header row, LF line ends, UTF-8; a tab, line break or backslash in a field is written {@code \t},
 * {@code \n}, {@code \r}, {@code \\}, so every row is one line of exactly {@link #COLUMNS} fields.
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

    /** A field on one line: backslash, tab, CR and LF escaped as in C. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
