package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The one CSV printer: commons-csv's RFC 4180 byte for byte, but a field with a control character quoted. */
class CsvTest {
    private static String ours(List<String> header, List<List<Object>> rows) throws Exception {
        StringWriter w = new StringWriter();
        Csv p = new Csv(w, header);
        for (List<Object> r : rows) {
            p.printRecord(r.toArray());
        }
        p.flush();
        return w.toString();
    }

    private static String commons(List<String> header, List<List<Object>> rows) throws Exception {
        StringWriter w = new StringWriter();
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        for (List<Object> r : rows) {
            p.printRecord(r);
        }
        p.flush();
        return w.toString();
    }

    @Test
    void controlCharactersAnywhereInAFieldAreQuotedAndKept() throws Exception {
        List<String> header = List.of("a", "b");
        for (char c : new char[] {0x00, 0x07, 0x1b, 0x7f, 0x80, 0x85, 0x9b, 0x9f}) {
            String v = "x" + c + "y";
            String csv = ours(header, List.of(List.of(v, "z"), List.of("z", v)));
            assertEquals("a,b\r\n\"" + v + "\",z\r\nz,\"" + v + "\"\r\n", csv, Printable.of(v));
            List<CSVRecord> back = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
            assertEquals(v, back.get(1).get(0));
            assertEquals(v, back.get(2).get(1));
        }
        // CR and LF quoted as before
        assertEquals(commons(List.of("h"), List.of(List.of("a\r\nb"), List.of("\n"))),
                ours(List.of("h"), List.of(List.of("a\r\nb"), List.of("\n"))));
        // a quote inside is still doubled; a field without controls (U+00A0, U+2028 are not) left as it was
        assertEquals("h\r\n\"a\u001b\"\"b\"\r\na\u00a0\u2028b\r\n",
                ours(List.of("h"), List.of(List.of("a\u001b\"b"), List.of("a\u00a0\u2028b"))));
    }

    /** Without control characters, every field is what commons-csv writes (the outputs' bytes unchanged). */
    @Test
    void otherFieldsAreWhatCommonsCsvWrites() throws Exception {
        Random r = new Random(7);
        String alphabet = "ab ,\"#\\=-@\u00e9\u20ac\u00a0\u2028";
        for (int i = 0; i < 2000; i++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int k = r.nextInt(4); k >= 0; k--) {
                List<Object> row = new ArrayList<>();
                for (int f = 1 + r.nextInt(4); f > 0; f--) {
                    switch (r.nextInt(6)) {
                        case 0 -> row.add(null);
                        case 1 -> row.add(r.nextLong());
                        default -> {
                            StringBuilder sb = new StringBuilder();
                            for (int n = r.nextInt(6); n > 0; n--) {
                                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                                sb.append(c);
                            }
                            row.add(sb.toString());
                        }
                    }
                }
                rows.add(row);
            }
            assertEquals(commons(List.of("h", "i"), rows), ours(List.of("h", "i"), rows));
        }
    }
}
