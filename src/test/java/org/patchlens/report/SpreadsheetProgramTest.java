package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * The workbooks as a person gets them: opened and printed (converted to PDF) by a real spreadsheet program,
 * LibreOffice, then read back with {@code pdftotext}. One conversion of each workbook for the whole class: the
 * sample report (hostile evidence text), {@code check --demo}, {@code hive dump}, {@code hive dump --deleted},
 * {@code hive diff} and {@code hive batch}. Asserted from the printed pages: the demo's Summary is one portrait page with the
 * verdict and the commands to type; every SHA-256 of the Evidence sheet is whole on one line; every hex value of
 * the demo findings is unbroken (only ever broken between its 8-byte words); no cell shows {@code ###}; each
 * Findings row's rule ID and its remedy are on one page; and no text is printed over other text (no word's box
 * overlaps another's, as a row too short for its wrapped text would make it). Skipped when LibreOffice or
 * poppler-utils are not installed (.ci/run installs libreoffice-calc-nogui and poppler-utils).
 */
class SpreadsheetProgramTest {
    @TempDir
    static Path dir;

    static final Instant T1 = Instant.parse("2001-06-15T12:34:56.1234567Z");
    static final Instant T2 = Instant.parse("2001-06-16T08:00:00.0000001Z");
    static final String BLOB = "0f161d242b323940474e555c636a7178525960676e757c838a91989fa6adb4bb";

    /** The workbooks, by name, and their printed pages (pdftotext -layout, one string per page). */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();
    static final Map<String, Path> PDF = new LinkedHashMap<>();
    static boolean available;

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static String run(Path cwd, long timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", cwd.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", cmd) + " finished in time");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + text);
        return text;
    }

    static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.patchlens.cli.Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == 0 || code == 1, String.join(" ", args) + ": " + err);
        return code;
    }

    @BeforeAll
    static void printEveryWorkbook() throws Exception {
        available = onPath("libreoffice") && onPath("pdftotext");
        if (!available) {
            return;
        }
        Path xl = Files.createDirectories(dir.resolve("xlsx"));
        ReportWorkbook.write(SampleReport.build(), xl.resolve("sample.xlsx"), SampleReport.options(true));
        assertEquals(1, cli("check", "--demo", "-o", xl.resolve("demo.xlsx").toString(), "--deterministic"));

        Path ev = Files.createDirectories(dir.resolve("evidence"));
        HiveBuilder a = HiveBuilder.v15();
        a.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").lastWritten(T1)
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata").dword("Start", 2)
                .binary("Store GUID", bytes(BLOB));
        a.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").sz("Gone", "a deleted value");
        a.key("ControlSet001\\Services\\Empty").lastWritten(T1);
        HiveBuilder.Image img = a.build();
        HiveBuilder.V gone = a.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").val("Gone");
        img.free(gone.vkOffset()).free(gone.dataOffset()).putU4(a.key(
                "ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").nkOffset(), 36, 3);
        Path hiveA = img.write(ev.resolve("SYSTEM.A"));
        HiveBuilder b = HiveBuilder.v15();
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").lastWritten(T2)
                .sz("Working Directory", "C:\\exchsrvr\\mdbdata").dword("Start", 3)
                .binary("Store GUID", bytes(BLOB.substring(32) + BLOB.substring(0, 32)));
        b.key("ControlSet001\\Services\\New").lastWritten(T2).sz("", "added");
        Path hiveB = b.write(ev.resolve("SYSTEM.B"));
        cli("hive", "dump", hiveA.toString(), "-o", xl.resolve("dump.xlsx").toString(), "--deterministic");
        cli("hive", "dump", hiveA.toString(), "--deleted", "-o", xl.resolve("deleted.xlsx").toString(),
                "--deterministic");
        cli("hive", "diff", hiveA.toString(), hiveB.toString(), "-o", xl.resolve("diff.xlsx").toString(),
                "--deterministic");
        Path reb = Files.writeString(Files.createDirectories(dir.resolve("batch")).resolve("t.reb"),
                "Description: t\nAuthor: a\nVersion: 1\nId: 1\nKeys:\n    -\n        Description: Exchange store\n"
                + "        HiveType: SYSTEM\n        Category: Services\n"
                + "        KeyPath: ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate\n");
        cli("hive", "batch", reb.toString(), hiveA.toString(), "-o", xl.resolve("batch.xlsx").toString(),
                "--deterministic");

        // one LibreOffice run converts them all
        List<String> cmd = new ArrayList<>(List.of("libreoffice", "-env:UserInstallation=" + dir.resolve("lo-profile")
                .toUri(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.resolve("pdf").toString()));
        List<String> names = List.of("sample", "demo", "dump", "deleted", "diff", "batch");
        for (String n : names) {
            cmd.add(xl.resolve(n + ".xlsx").toString());
        }
        run(dir, 300, cmd.toArray(String[]::new));
        for (String n : names) {
            Path pdf = dir.resolve("pdf").resolve(n + ".pdf");
            assertTrue(Files.exists(pdf), "LibreOffice wrote " + pdf);
            assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
            PDF.put(n, pdf);
            String text = run(dir, 60, "pdftotext", "-layout", pdf.toString(), "-");
            List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
            if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
                pages.remove(pages.size() - 1);
            }
            PAGES.put(n, pages);
        }
    }

    static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    static Path xlsx(String name) {
        return dir.resolve("xlsx").resolve(name + ".xlsx");
    }

    static String all(String name) {
        return String.join("\f", PAGES.get(name));
    }

    /** The page header line (sheet, title and case, file) that every printed page starts with. */
    static final Pattern PAGE_HEADER = Pattern.compile("^\\s*(\\S.*?)\\s{2,}patchlens .*\\s{2,}(\\S+\\.xlsx)\\s*$");
    /** The page footer line (tool and run time, page number) that every printed page ends with. */
    static final Pattern PAGE_FOOTER = Pattern.compile("^\\s*patchlens \\S+, run \\S+\\s{2,}Page (\\d+) of (\\d+)\\s*$");

    /** A printed page's text lines without its page header and footer. */
    static List<String> body(String page) {
        List<String> lines = new ArrayList<>(page.lines().filter(l -> !l.isBlank()).toList());
        assertTrue(!lines.isEmpty() && PAGE_HEADER.matcher(lines.get(0)).matches(), "a page header:\n" + page);
        assertTrue(PAGE_FOOTER.matcher(lines.get(lines.size() - 1)).matches(), "a page footer:\n" + page);
        return lines.subList(1, lines.size() - 1);
    }

    /** The pages of one sheet: those whose first text line below the page header is that table's header. */
    static List<String> pagesOf(String workbook, String firstHeader, String secondHeader) {
        List<String> out = new ArrayList<>();
        for (String p : PAGES.get(workbook)) {
            String first = body(p).get(0).strip();
            if (first.matches(Pattern.quote(firstHeader) + "\\s+" + Pattern.quote(secondHeader) + "\\b.*")) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void libreOfficeShowsEvidenceTextAsTextNeverAsAFormula() {
        assumeTrue(available, "libreoffice or pdftotext not installed (Debian: libreoffice-calc-nogui, poppler-utils)");
        String page1 = PAGES.get("sample").get(0);
        assertTrue(page1.contains(SampleReport.VERDICT), page1);
        assertTrue(page1.contains("SET _CLUSTER_NETWORK_NAME_=EXVS01"), page1);
        assertTrue(page1.contains("What to do, in order"), page1);
        String all = all("sample");
        // wrapped in its cell, so in pieces: a computed HYPERLINK would print "click", never its own source
        assertTrue(all.contains("=HYPERLINK(\"http://") && all.contains("example.invalid\",\"click\")"),
                "formula text printed as text");
        assertTrue(all.contains("_x0041_ literal"), "an OOXML escape in evidence is shown literally");
        assertTrue(all.contains("@SUM(A1:A2)"));
        assertTrue(all.contains("=cmd|' /C calc'!A0"));
        assertTrue(all.contains("CLU-08") && all.contains("Microsoft Exchange Information Store"));
    }

    /** The demo's Summary: one portrait page, the verdict first, the commands to type, the run time. */
    @Test
    void theDemoSummaryIsOnePortraitPage() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        String page1 = PAGES.get("demo").get(0);
        List<String> lines = body(page1).stream().map(String::strip).toList();
        assertEquals("Store will not start: 3 CRIT, 1 HIGH", lines.get(0), "the verdict first");
        for (String c : List.of("SET _CLUSTER_NETWORK_NAME_=EXVS01", "isinteg -patch", "net start MSExchangeIS")) {
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(c)), c + " on a line of its own:\n" + page1);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("Rules\\s+3\\s+0\\s+30\\s+16\\s+49")), page1);
        assertTrue(lines.stream().anyMatch(l -> l.matches("Run time \\(UTC\\)\\s+2000-01-01T00:00:00Z\\s+\\(fixed by "
                + "--deterministic\\)")), "one run-time format, ISO-8601 UTC, and the end of the Summary:\n" + page1);
        assertTrue(body(PAGES.get("demo").get(1)).get(0).strip().startsWith("Step"), "page 2 is the Runbook sheet");
        String info = run(dir, 60, "pdfinfo", "-f", "1", "-l", "2", PDF.get("demo").toString());
        Matcher size = Pattern.compile("Page\\s+1 size:\\s+([\\d.]+) x ([\\d.]+)").matcher(info);
        assertTrue(size.find(), info);
        assertTrue(Double.parseDouble(size.group(1)) < Double.parseDouble(size.group(2)), "portrait: " + info);
        Matcher size2 = Pattern.compile("Page\\s+2 size:\\s+([\\d.]+) x ([\\d.]+)").matcher(info);
        assertTrue(size2.find() && Double.parseDouble(size2.group(1)) > Double.parseDouble(size2.group(2)),
                "the Findings landscape: " + info);
    }

    static List<String> column(Path xlsx, String sheet, String header) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet s = wb.getSheet(sheet);
            int col = -1;
            for (Cell c : s.getRow(0)) {
                if (c.getStringCellValue().equals(header)) {
                    col = c.getColumnIndex();
                }
            }
            List<String> out = new ArrayList<>();
            for (Row r : s) {
                Cell c = r.getCell(col);
                if (r.getRowNum() > 0) {
                    out.add(c == null ? "" : c.getCellType() == CellType.NUMERIC ? Long.toString((long) c
                            .getNumericCellValue()) : c.getStringCellValue());
                }
            }
            return out;
        }
    }

    @Test
    void everySha256IsWholeOnOneLine() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        List<String> shas = column(xlsx("demo"), "Evidence", "SHA-256");
        assertEquals(15, shas.size());
        List<String> lines = all("demo").lines().toList();
        for (String sha : shas) {
            assertEquals(64, sha.length());
            assertTrue(lines.stream().anyMatch(l -> l.contains(sha)), sha + " whole on one printed line");
        }
        for (String n : List.of("dump", "deleted", "diff")) {
            String sha = org.patchlens.evidence.Hashing.sha256(dir.resolve("evidence").resolve("SYSTEM.A"));
            assertTrue(all(n).lines().anyMatch(l -> l.contains(sha)), n + ": the input's SHA-256 on one line");
        }
    }

    /** A hex value of a finding: printed whole, broken (if at all) only between its 8-byte words. */
    @Test
    void everyHexValueOfTheDemoFindingsIsUnbroken() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("REG_BINARY ([0-9a-f ]{17,})").matcher(String.join("\n",
                column(xlsx("demo"), "Findings", "Expected")) + "\n" + String.join("\n", column(xlsx("demo"),
                "Findings", "Actual")));
        while (m.find()) {
            values.add(m.group(1).strip());
        }
        assertEquals(4, values.size(), "the demo's four drifted Store GUIDs: " + values);
        List<String> findings = pagesOf("demo", "#", "Rule");
        assertFalse(findings.isEmpty());
        List<String> tokens = new ArrayList<>();
        findings.forEach(p -> tokens.addAll(List.of(p.split("\\s+"))));
        for (String v : values) {
            String digits = v.replace(" ", "");
            assertEquals(32, digits.length(), v);
            assertEquals(XlsxBook.hexWords(digits), v, "written in 8-byte words");
            for (String word : v.split(" ")) {
                assertTrue(tokens.contains(word), word + " of " + v + " printed whole");
            }
            // and nowhere a piece of it that is not a whole word
            for (String t : tokens) {
                if (t.length() >= 4 && digits.contains(t)) {
                    assertEquals(0, digits.indexOf(t) % XlsxBook.HEX_WORD, "a piece of " + v + " printed: " + t);
                    assertEquals(0, t.length() % XlsxBook.HEX_WORD, "a piece of " + v + " printed: " + t);
                }
            }
        }
    }

    @Test
    void noCellShowsHashes() {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        PAGES.forEach((n, pages) -> assertFalse(String.join("", pages).contains("###"), n + " shows ###"));
        // the dates are there instead
        assertTrue(all("dump").contains("2001-06-15 12:34:56.123"), "a key's date in the dump");
        assertFalse(all("dump").contains(Long.toString(org.patchlens.hive.FileTime.fromInstant(T1))),
                "its FILETIME on screen only");
        assertTrue(all("diff").contains("2001-06-16 08:00:00.000"), all("diff"));
    }

    /** A Findings row prints on one page: its rule ID on the same printed line as the start of its remedy. */
    @Test
    void eachFindingsRuleIdAndItsRemedyAreOnOnePage() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        List<String> rules = column(xlsx("demo"), "Findings", "Rule");
        List<String> remedies = column(xlsx("demo"), "Findings", "Remedy");
        List<String> findings = pagesOf("demo", "#", "Rule");
        int checked = 0;
        for (int i = 0; i < rules.size(); i++) {
            Pattern row = Pattern.compile("(?m)^\\s*" + (i + 1) + "\\s+" + Pattern.quote(rules.get(i)) + "\\b(.*)$");
            List<String> on = new ArrayList<>();
            for (String p : findings) {
                Matcher rm = row.matcher(p);
                if (rm.find()) {
                    on.add(rm.group(1));
                }
            }
            assertEquals(1, on.size(), "row " + (i + 1) + " " + rules.get(i) + " printed once");
            if (!remedies.get(i).isEmpty()) {
                String first = remedies.get(i).split("\\s+")[0];
                assertTrue(on.get(0).contains(first), rules.get(i) + ": its remedy (" + first + "…) starts on the line "
                        + "of its rule ID: " + on.get(0));
                checked++;
            }
        }
        assertEquals(4, checked, "the four failures have remedies");
        // Findings and Registry print one page wide: every page of them has the whole header row of the printed
        // columns, and none of the screen-only ones
        for (String p : findings) {
            assertTrue(p.contains("Detail") && p.contains("Remedy"), p);
            assertFalse(p.contains("Reviewer") || p.contains("Confidence"), "on screen only:\n" + p);
        }
        for (String p : pagesOf("demo", "File", "Source")) {
            assertTrue(p.contains("Rules") && p.contains("Note"), "the Registry one page wide");
            assertFalse(p.contains("Key last written") || p.contains("FILETIME"), "on screen only:\n" + p);
        }
    }

    /**
     * Every page of the demo workbook as LibreOffice prints it: the sheet, the title and case and the file at the
     * top, "Page n of N" at the bottom, numbered in order; and printed at 85 % or more: a bold header word of each
     * sheet is at least 0.85 times as wide as at 10 pt (the 14 Findings columns printed at 58 % before).
     */
    @Test
    void everyPageOfTheDemoNamesItsSheetAndPageAndIsPrintedLegibly() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        List<String> pages = PAGES.get("demo");
        Map<String, String> word = new LinkedHashMap<>();
        word.put("Summary", "Rules");
        word.put("Runbook", "Action");
        word.put("Findings", "Remedy");
        word.put("Registry", "Key");
        word.put("Cluster", "Record");
        word.put("Store", "Field");
        word.put("Log chain", "Signature");
        word.put("Evidence", "SHA-256");
        word.put("References", "Title");
        String html = run(dir, 60, "pdftotext", "-bbox", PDF.get("demo").toString(), "-");
        String[] boxes = html.split("<page ");
        assertEquals(pages.size() + 1, boxes.length);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<String> lines = pages.get(i).lines().filter(l -> !l.isBlank()).toList();
            Matcher h = PAGE_HEADER.matcher(lines.get(0));
            assertTrue(h.matches(), "page " + (i + 1) + " header: " + lines.get(0));
            assertTrue(lines.get(0).contains("patchlens restore check: Exchange virtual server EXVS01"), lines.get(0));
            assertEquals("demo.xlsx", h.group(2));
            String sheet = h.group(1).strip();
            assertTrue(word.containsKey(sheet), "page " + (i + 1) + ": " + sheet);
            if (!seen.contains(sheet)) {
                seen.add(sheet);
            }
            Matcher f = PAGE_FOOTER.matcher(lines.get(lines.size() - 1));
            assertTrue(f.matches(), "page " + (i + 1) + " footer: " + lines.get(lines.size() - 1));
            assertEquals(i + 1, Integer.parseInt(f.group(1)));
            assertEquals(pages.size(), Integer.parseInt(f.group(2)));
            Matcher w = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">"
                    + Pattern.quote(word.get(sheet)) + "</word>").matcher(boxes[i + 1]);
            assertTrue(w.find(), "page " + (i + 1) + " (" + sheet + ") prints " + word.get(sheet));
            double scale = (Double.parseDouble(w.group(2)) - Double.parseDouble(w.group(1)))
                    / TextFit.width(word.get(sheet), false, true);
            assertTrue(scale >= 0.85, "page " + (i + 1) + " (" + sheet + ") printed at " + Math.round(scale * 100) + " %");
        }
        assertEquals(new ArrayList<>(word.keySet()), seen, "every sheet printed, in order");
    }

    /**
     * Every page of the hive workbooks as LibreOffice prints them: the sheet, the title and the file at the top,
     * "Page n of N" at the bottom; each table printed at 85 % or more, a bold header word of it measured (the Dump
     * printed at 57 %, the Recovered at 60 %, the Diff at 51 %, the Batch at 44 % before), and its screen-only
     * columns not printed.
     */
    @Test
    void everyPageOfTheHiveWorkbooksIsPrintedLegibly() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        Map<String, String> word = Map.of("Dump", "Anomalies", "Recovered", "Label", "Diff", "Detail",
                "Batch", "KeyPath");
        Map<String, String> screenOnly = Map.of("Dump", "FILETIME", "Recovered", "Parent", "Diff", "FILETIME",
                "Batch", "PluginDetailFile");
        for (String n : List.of("dump", "deleted", "diff", "batch")) {
            List<String> pages = PAGES.get(n);
            String[] boxes = run(dir, 60, "pdftotext", "-bbox", PDF.get(n).toString(), "-").split("<page ");
            assertEquals(pages.size() + 1, boxes.length);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                List<String> lines = pages.get(i).lines().filter(l -> !l.isBlank()).toList();
                Matcher h = PAGE_HEADER.matcher(lines.get(0));
                assertTrue(h.matches(), n + " page " + (i + 1) + " header: " + lines.get(0));
                assertTrue(lines.get(0).contains("patchlens hive " + (n.equals("deleted") ? "dump" : n)), lines.get(0));
                assertEquals(n + ".xlsx", h.group(2));
                Matcher f = PAGE_FOOTER.matcher(lines.get(lines.size() - 1));
                assertTrue(f.matches(), n + " page " + (i + 1) + " footer: " + lines.get(lines.size() - 1));
                assertEquals(i + 1, Integer.parseInt(f.group(1)));
                assertEquals(pages.size(), Integer.parseInt(f.group(2)));
                String sheet = h.group(1).strip();
                seen.add(sheet);
                if (sheet.equals("Summary")) {
                    continue;
                }
                assertTrue(word.containsKey(sheet), n + " page " + (i + 1) + ": " + sheet);
                Matcher w = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"[\\d.]+\" xMax=\"([\\d.]+)\" "
                        + "yMax=\"[\\d.]+\">" + Pattern.quote(word.get(sheet)) + "</word>").matcher(boxes[i + 1]);
                assertTrue(w.find(), n + " page " + (i + 1) + " (" + sheet + ") prints " + word.get(sheet));
                double scale = (Double.parseDouble(w.group(2)) - Double.parseDouble(w.group(1)))
                        / TextFit.width(word.get(sheet), false, true);
                assertTrue(scale >= 0.85, n + " page " + (i + 1) + " (" + sheet + ") printed at "
                        + Math.round(scale * 100) + " %");
                assertFalse(pages.get(i).contains(screenOnly.get(sheet)), n + " page " + (i + 1) + " (" + sheet
                        + "): " + screenOnly.get(sheet) + " is on screen only");
            }
            assertEquals(Map.of("dump", List.of("Summary", "Dump"), "deleted", List.of("Summary", "Dump", "Recovered"),
                    "diff", List.of("Summary", "Diff"), "batch", List.of("Batch")).get(n),
                    seen.stream().distinct().toList(), n + ": every sheet printed, in order");
        }
    }

    /** Hex in the hive workbooks: in 8-byte words, each printed whole. */
    @Test
    void hiveWorkbooksPrintHexInWholeWords() {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        for (String n : List.of("dump", "deleted", "diff")) {
            List<String> tokens = List.of(all(n).split("\\s+"));
            for (int i = 0; i < 32; i += XlsxBook.HEX_WORD) {
                String word = BLOB.substring(i, i + XlsxBook.HEX_WORD);
                assertTrue(tokens.contains(word), n + ": " + word);
            }
        }
        assertTrue(all("deleted").contains("a deleted value"), "the Recovered sheet");
    }

    /**
     * Nothing is printed over other text: no two words' boxes overlap (beyond the lines of one wrapped cell,
     * which touch). A row too short for its wrapped cell, or a long cell spilling into the next, would.
     */
    @Test
    void nothingIsPrintedOverOtherText() throws Exception {
        assumeTrue(available, "libreoffice or pdftotext not installed");
        Pattern word = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">"
                + "([^<]*)</word>");
        for (Map.Entry<String, Path> e : PDF.entrySet()) {
            String html = run(dir, 60, "pdftotext", "-bbox", e.getValue().toString(), "-");
            String[] pages = html.split("<page ");
            for (int p = 1; p < pages.length; p++) {
                List<double[]> boxes = new ArrayList<>();
                List<String> words = new ArrayList<>();
                Matcher m = word.matcher(pages[p]);
                while (m.find()) {
                    boxes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
                    words.add(m.group(5));
                }
                for (int i = 0; i < boxes.size(); i++) {
                    double[] a = boxes.get(i);
                    for (int j = i + 1; j < boxes.size(); j++) {
                        double[] b = boxes.get(j);
                        double ix = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
                        double iy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
                        double h = Math.min(a[3] - a[1], b[3] - b[1]);
                        assertFalse(ix > 0.5 && iy > 0.4 * h, e.getKey() + " page " + p + ": \"" + words.get(i)
                                + "\" printed over \"" + words.get(j) + "\"");
                    }
                }
            }
        }
    }
}
