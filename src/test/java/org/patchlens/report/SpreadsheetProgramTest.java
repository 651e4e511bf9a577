package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook opened by a real spreadsheet program: LibreOffice converts it to PDF, and the
 * PDF's text shows the verdict, the remedy commands and the evidence text exactly (a formula
 * from evidence is printed, not computed). Skipped when libreoffice is not installed.
 * With {@code -Dpatchlens.docs=DIR} it also renders page 1 of the demo report (the Summary) to
 * DIR/report-summary.png.
 */
class SpreadsheetProgramTest {
    @TempDir
    Path dir;

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

    /** Converts {@code xlsx} to PDF with LibreOffice (its own profile in the test folder) and returns the PDF. */
    Path toPdf(Path xlsx) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("libreoffice", "-env:UserInstallation=" + dir.resolve("lo-profile")
                .toUri(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(),
                xlsx.toString()));
        run(dir, 240, cmd.toArray(String[]::new));
        String name = xlsx.getFileName().toString();
        Path pdf = dir.resolve(name.substring(0, name.length() - ".xlsx".length()) + ".pdf");
        assertTrue(Files.exists(pdf), "LibreOffice wrote " + pdf);
        byte[] head = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(head, 0, 4, StandardCharsets.US_ASCII));
        return pdf;
    }

    @Test
    void libreOfficeOpensTheReportAndPrintsTheVerdict() throws Exception {
        assumeTrue(onPath("libreoffice"), "libreoffice not installed (Debian: libreoffice-calc-nogui)");
        Path xlsx = dir.resolve("report.xlsx");
        ReportWorkbook.write(SampleReport.build(), xlsx, SampleReport.options(true));
        Path pdf = toPdf(xlsx);

        assumeTrue(onPath("pdftotext"), "pdftotext not installed (Debian: poppler-utils)");
        String page1 = run(dir, 60, "pdftotext", "-f", "1", "-l", "1", "-layout", pdf.toString(), "-");
        assertTrue(page1.contains(SampleReport.VERDICT), page1);
        assertTrue(page1.contains("SET _CLUSTER_NETWORK_NAME_=EXVS01"), page1);
        assertTrue(page1.contains("What to do, in order"), page1);
        String all = run(dir, 60, "pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(all.contains("=HYPERLINK(\"http://example.invalid\",\"click\")"), "formula text printed as text");
        assertTrue(all.contains("_x0041_ literal"), "an OOXML escape in evidence is shown literally");
        assertTrue(all.contains("@SUM(A1:A2)"));
        assertTrue(all.contains("=cmd|' /C calc'!A0"));
        assertTrue(all.contains("CLU-08") && all.contains("Microsoft Exchange Information Store"));

    }

    /** The demo restore check ({@code check --demo -o report.xlsx}) printed by LibreOffice; page 1 for the docs. */
    @Test
    void theDemoReportPrintsItsVerdictAndRemedies() throws Exception {
        assumeTrue(onPath("libreoffice"), "libreoffice not installed (Debian: libreoffice-calc-nogui)");
        assumeTrue(onPath("pdftotext"), "pdftotext not installed (Debian: poppler-utils)");
        Path xlsx = dir.resolve("demo.xlsx");
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.patchlens.cli.Main.run(new String[] {"check", "--demo", "-o", xlsx.toString(), "--deterministic"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(1, code, out.toString());
        String verdict = out.toString().lines().filter(l -> l.startsWith("Store will not start")).findFirst()
                .orElseThrow();
        Path pdf = toPdf(xlsx);
        String page1 = run(dir, 60, "pdftotext", "-f", "1", "-l", "1", "-layout", pdf.toString(), "-");
        assertTrue(page1.contains(verdict), page1);
        assertTrue(page1.contains("SET _CLUSTER_NETWORK_NAME_=EXVS01"), page1);
        assertTrue(page1.contains("isinteg -patch"), page1);

        String docs = System.getProperty("patchlens.docs");
        if (docs != null && !docs.isBlank() && onPath("pdftoppm")) {
            Path png = Path.of(docs).toAbsolutePath().resolve("report-summary");
            run(dir, 60, "pdftoppm", "-f", "1", "-l", "1", "-r", "96", "-png", "-singlefile", pdf.toString(),
                    png.toString());
            assertTrue(Files.size(png.resolveSibling("report-summary.png")) > 10_000);
        }
    }
}
