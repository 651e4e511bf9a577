package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Row heights are estimated, not measured: these are the LibreOffice layouts the estimate was calibrated
 * on. It may allow a line too many, never one too few (a row too short prints over the next one).
 */
class TextFitTest {
    /** Column width, then how many '0's LibreOffice 7 put on one line of it: Arial, then Courier New. */
    static final int[][] MEASURED = {{5, 4, 4}, {10, 9, 8}, {20, 19, 18}, {30, 29, 27}, {40, 39, 36}, {60, 59, 55},
        {100, 98, 91}};

    @Test
    void neverFewerLinesThanLibreOfficeOnTheCalibrationWidths() {
        for (int[] m : MEASURED) {
            int w = m[0];
            assertEquals(2, TextFit.lines("0".repeat(m[1] + 1), w, false, false, 10), "sans, width " + w);
            assertEquals(2, TextFit.lines("0".repeat(m[2] + 1), w, true, false, 10), "mono, width " + w);
            assertEquals(1, TextFit.lines("0".repeat(m[1] - 1), w, false, false, 10), "not far off, width " + w);
            assertEquals(1, TextFit.lines("0".repeat(m[2] - 1), w, true, false, 10), "not far off, width " + w);
        }
    }

    /** Paths as LibreOffice broke them: after '-', '/' and '\', but not at a '/' before a digit. */
    @Test
    void pathsBreakWhereLibreOfficeBreaksThem() {
        String cpt = "Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/00000001.CPT";
        // "Q/MSCS/2B9B5D5A-4C1D-" "4E52-9F0C-" "7D1E8A6B0022/00000001.CP" "T"
        assertEquals(4, TextFit.lines(cpt, 26, false, false, 10));
        // "Q/MSCS/2B9B5D5A-" "4C1D-4E52-9F0C-" "7D1E8A6B0022/00000002" ".CPT"
        assertEquals(4, TextFit.lines(cpt, 22, false, false, 10));
        // "NODE1/system32/config/" "SYSTEM": printed over the next row by the first workbook, which counted 1
        assertEquals(2, TextFit.lines("NODE1/system32/config/SYSTEM", 28, false, false, 10));
        assertEquals(2, TextFit.lines("SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersPrivate", 34,
                false, false, 10));
    }

    /**
     * No line starts with ':' (nor ',', ')', ...), even after a space: LibreOffice moved "RegSync" to the next line
     * with its " :", and a CLU-10 finding's Expected (8 lines at width 22, estimated 7) printed its last line over
     * the next row.
     */
    @Test
    void noLineStartsWithAColonEvenAfterASpace() {
        // "a readable hive" "from" "NODE1/Cluster/CLUSDB :" "Resources\2B9B5D5A-" "4C1D-4E52-9F0C-" "7D1E8A6B0020\"
        // "RegSync : 00000002" "@0x2140"
        assertEquals(8, TextFit.lines("a readable hive\nfrom NODE1/Cluster/CLUSDB : Resources\\2B9B5D5A-4C1D-4E52-9F0C-"
                + "7D1E8A6B0020\\RegSync : 00000002 @0x2140", 22, false, false, 34));
        // "7D1E8A6B0020\" "RegSync : 00000002" "@0x2140"
        assertEquals(3, TextFit.lines("7D1E8A6B0020\\RegSync : 00000002 @0x2140", 22, false, false, 10));
        // without the colon "RegSync" fits after the backslash: "7D1E8A6B0020\RegSync" "00000002 @0x2140"
        assertEquals(2, TextFit.lines("7D1E8A6B0020\\RegSync 00000002 @0x2140", 22, false, false, 10));
    }

    @Test
    void hexWordsTwoToALineInAHexColumn() {
        String words = XlsxBook.hexWords("44003a005c006500780063006800730072007600");
        assertEquals("44003a005c006500 7800630068007300 72007600", words);
        assertEquals(2, TextFit.lines(words, 38, true, false, 10), "two 8-byte words on a line");
        assertEquals(3, TextFit.lines(words, 19, true, false, 10), "one on a line");
    }

    @Test
    void linesAndCap() {
        assertEquals(1, TextFit.lines("", 10, false, false, 10));
        assertEquals(3, TextFit.lines("a\nb\nc", 10, false, false, 10), "line breaks");
        assertTrue(TextFit.lines("x ".repeat(10_000), 10, false, false, 5) <= 7, "counting stops past the cap");
        assertTrue(TextFit.lines("WWWW", 4, false, true, 10) >= TextFit.lines("WWWW", 4, false, false, 10), "bold");
    }
}
