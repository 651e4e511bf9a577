package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More rows than a sheet holds, written by a separate JVM limited to 256 MiB of heap: the
 * Registry sheet continues on "Registry (2)" with the header repeated, and nothing is lost.
 */
class WorkbookScaleTest {
    static final long ROWS = XlsxBook.MAX_ROWS - 1 + 2_000L;

    @TempDir
    Path dir;

    /** Rows of one sheet's XML, read with StAX (a DOM of this sheet would not fit the test heap either). */
    record SheetScan(long rows, List<String> header, List<String> firstData, List<String> lastData, String text) {
    }

    static SheetScan scan(InputStream in) throws Exception {
        XMLStreamReader x = XMLInputFactory.newFactory().createXMLStreamReader(in);
        long rows = 0;
        List<String> header = null;
        List<String> first = null;
        List<String> current = null;
        StringBuilder text = null;
        StringBuilder all = new StringBuilder();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "row" -> {
                        rows++;
                        current = new ArrayList<>();
                    }
                    case "c" -> text = new StringBuilder();
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS && text != null) {
                text.append(x.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (x.getLocalName().equals("c")) {
                    current.add(text.toString());
                    if (rows < 200) {
                        all.append(text).append('\n');
                    }
                    text = null;
                } else if (x.getLocalName().equals("row")) {
                    if (rows == 1) {
                        header = current;
                    } else if (rows == 2) {
                        first = current;
                    }
                }
            }
        }
        return new SheetScan(rows, header, first, current, all.toString());
    }

    @Test
    void moreThanASheetOfRowsInA256MiBHeap() throws Exception {
        Path out = dir.resolve("big.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), BigWorkbook.class.getName(), Long.toString(ROWS),
                out.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the writer finished");
        assertEquals(0, p.exitValue(), output);
        Matcher m = Pattern.compile("sheets=(.*) rows=(\\d+) peakHeapMiB=(\\d+) maxHeapMiB=(\\d+)").matcher(output);
        assertTrue(m.find(), output);
        assertEquals("Registry|Registry (2)", m.group(1));
        assertEquals(ROWS, Long.parseLong(m.group(2)));
        assertTrue(Long.parseLong(m.group(4)) <= 256, "the child ran with at most 256 MiB of heap: " + output);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("big.xlsx"), files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .toList(), "no temporary sheet files left");
        }

        Map<String, SheetScan> sheets = new LinkedHashMap<>();
        try (OPCPackage pkg = OPCPackage.open(out.toFile(), PackageAccess.READ)) {
            XSSFReader r = new XSSFReader(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) r.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    sheets.put(it.getSheetName(), scan(in));
                }
            }
        }
        assertEquals(List.of("Summary", "Runbook", "Findings", "Registry", "Registry (2)", "Cluster", "Store",
                "Log chain", "Evidence", "References"), List.copyOf(sheets.keySet()));
        SheetScan one = sheets.get("Registry");
        SheetScan two = sheets.get("Registry (2)");
        List<String> header = ReportWorkbook.REGISTRY_COLUMNS.stream().map(XlsxBook.Column::header).toList();
        assertEquals(XlsxBook.MAX_ROWS, one.rows(), "the first sheet is full");
        assertEquals(header, one.header());
        assertEquals(header, two.header(), "header repeated");
        assertEquals(ROWS - (XlsxBook.MAX_ROWS - 1) + 1, two.rows());
        int valueName = header.indexOf("Value name");
        int key = header.indexOf("Key");
        int value = header.indexOf("Value");
        int fileTime = header.indexOf("Key last written FILETIME");
        assertEquals("Value 0", one.firstData().get(valueName));
        long firstOfTwo = XlsxBook.MAX_ROWS - 1;
        assertEquals("ControlSet001\\Services\\MSExchangeIS\\K" + (firstOfTwo / 16), two.firstData().get(key));
        assertEquals(Long.toString(firstOfTwo), two.firstData().get(value), "no row lost or repeated at the seam");
        assertEquals(Long.toString(ROWS - 1), two.lastData().get(value));
        assertEquals(Long.toString(SampleReport.DRIFT_TIME + ROWS - 1), two.lastData().get(fileTime));
        assertTrue(sheets.get("Summary").text().contains("continues on Registry (2) (a sheet holds at most 1,048,575 "
                + "data rows, header repeated)"), sheets.get("Summary").text());
    }
}
