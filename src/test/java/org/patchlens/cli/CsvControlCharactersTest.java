package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.Printable;
import org.patchlens.rules.HostileEvidence;

/**
 * docs/hive-formats.md, *CSV*: cells hold the values as found, "control characters included, inside quotes".
 * commons-csv's minimal quoting quoted a field for a CR, LF, comma or quote, but left an ESC, BEL, DEL or
 * C1 control in the middle of a field bare. Every CSV a command writes is read here field by field: each
 * field holding a C0, DEL or C1 control is quoted, and holds the evidence text unchanged.
 */
class CsvControlCharactersTest {
    /** Controls in the middle of the text, after a letter and before one: nothing else here asks for quotes. */
    private static final String HOSTILE = "x\u001b[31mred\u0007b\u007fd\u009b2Jc\u0085n\u0001y";

    @TempDir
    Path dir;

    /** One field of a CSV: its text and whether it was quoted. */
    record Field(String text, boolean quoted) {
    }

    /** The records of an RFC 4180 text (CRLF or LF between records), each field with its quoting. */
    static List<List<Field>> parse(String csv) {
        List<List<Field>> rows = new ArrayList<>();
        List<Field> row = new ArrayList<>();
        int i = 0;
        int n = csv.length();
        while (i < n) {
            StringBuilder sb = new StringBuilder();
            boolean quoted = csv.charAt(i) == '"';
            if (quoted) {
                i++;
                while (true) {
                    assertTrue(i < n, "an unterminated quoted field");
                    char c = csv.charAt(i++);
                    if (c == '"') {
                        if (i < n && csv.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
            } else {
                while (i < n && csv.charAt(i) != ',' && csv.charAt(i) != '\r' && csv.charAt(i) != '\n') {
                    sb.append(csv.charAt(i++));
                }
            }
            row.add(new Field(sb.toString(), quoted));
            if (i < n && csv.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < n && csv.charAt(i) == '\r') {
                i++;
            }
            assertTrue(i == n || csv.charAt(i) == '\n', "a field does not end at a comma or a line end: " + i);
            i++;
            rows.add(row);
            row = new ArrayList<>();
        }
        return rows;
    }

    private static boolean control(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }

    /** Every field with a control character quoted; returns how many fields held the hostile text. */
    private static int assertQuoted(String cmd, String csv) {
        int found = 0;
        for (List<Field> row : parse(csv)) {
            for (Field f : row) {
                if (control(f.text())) {
                    assertTrue(f.quoted(), cmd + ": a field with a control character is not quoted: "
                            + Printable.of(f.text()));
                }
                if (f.text().contains(HOSTILE)) {
                    found++;
                }
            }
        }
        return found;
    }

    @Test
    void everyHiveCommandQuotesFieldsWithControlCharacters() throws Exception {
        HiveBuilder a = HiveBuilder.v15();
        a.key("K" + HOSTILE).sz("V" + HOSTILE, "D" + HOSTILE).className("C" + HOSTILE);
        a.key("Plain").sz("s", "x");
        a.key("Gone").sz("G" + HOSTILE, "g" + HOSTILE); // freed below, for hive deleted
        a.key("Select").dword("Current", 1);
        a.key("ControlSet001\\Services\\Svc" + HOSTILE).expandSz("ImagePath", "I" + HOSTILE).dword("Start", 2);
        HiveBuilder b = HiveBuilder.v15();
        b.key("K" + HOSTILE).sz("V" + HOSTILE, "other" + HOSTILE);
        b.key("Added" + HOSTILE).sz("new" + HOSTILE, "y");
        Path ev = Files.createDirectories(dir.resolve("ev"));
        HiveBuilder.Image img = a.build();
        img.free(a.key("Gone").val("G" + HOSTILE).vkOffset()).free(a.key("Gone").val("G" + HOSTILE).dataOffset())
                .putU4(a.key("Gone").nkOffset(), 36, 0);
        String one = Files.write(ev.resolve("one\u001b[H"), img.fixChecksum().bytes()).toString();
        String two = b.write(ev.resolve("two")).toString();
        List<String[]> lines = List.of(
                new String[] {"hive", "dump", one, "--format", "csv"},
                new String[] {"hive", "dump", one, "--format", "csv", "--deleted"},
                new String[] {"hive", "timeline", one, "--format", "csv"},
                new String[] {"hive", "timeline", one, two, "--format", "csv"}, // the file names in "source"
                new String[] {"hive", "search", one, "--literal", "red", "--format", "csv"},
                new String[] {"hive", "diff", one, two, "--format", "csv"},
                new String[] {"hive", "deleted", one, "--format", "csv"},
                new String[] {"hive", "artifacts", one, "--format", "csv"});
        for (String[] args : lines) {
            CliRun r = CliRun.of(args);
            String cmd = Printable.of(String.join(" ", args));
            assertTrue(r.exit() == 0 || r.exit() == 1, cmd + ": exit " + r.exit() + "\n" + r.err());
            assertTrue(assertQuoted(cmd, r.out()) > 0, cmd + ": the hostile text is not kept as found:\n"
                    + Printable.of(r.out()));
        }
    }

    @Test
    void checkAndItsRunbookQuoteFieldsWithControlCharacters() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("check"));
        List<String> args = new ArrayList<>(List.of("check", ev.toString(), "--format", "csv"));
        args.addAll(HostileEvidence.write(ev, HOSTILE, "NODE1"));
        Path runbook = dir.resolve("runbook.csv");
        args.addAll(List.of("--runbook", runbook.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, r.exit(), r.err());
        assertTrue(assertQuoted("check", r.out()) > 0, Printable.of(r.out()));
        assertQuoted("check --runbook", Files.readString(runbook, StandardCharsets.UTF_8));
    }
}
