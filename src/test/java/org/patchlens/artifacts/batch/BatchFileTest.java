package org.patchlens.artifacts.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading RECmd batch files: RECmd's own two, and every kind of bad one, each named by line and field. */
class BatchFileTest {
    static final String HEAD = "Description: test\nAuthor: me\nVersion: 1\nId: 0000\nKeys:\n";

    static BatchFile parse(String yaml) {
        return BatchFile.parse("t.reb", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static String entry(String... fields) {
        StringBuilder sb = new StringBuilder("    -\n");
        for (String f : fields) {
            sb.append("        ").append(f).append('\n');
        }
        return sb.toString();
    }

    static final String[] GOOD = {"Description: d", "HiveType: SYSTEM", "Category: c", "KeyPath: Select",
        "Recursive: false"};

    private static String message(String yaml) {
        return assertThrows(BatchFileException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void recmdsOwnBatchFilesAreReadWithEveryEntry() throws IOException {
        BatchFile kroll = BatchFile.read(Path.of("testdata/recmd/Kroll_Batch.reb"));
        BatchFile dfir = BatchFile.read(Path.of("testdata/recmd/DFIRBatch.reb"));
        // counted independently: one "KeyPath:" line per entry in each file (commented-out entries start with #)
        assertEquals(count("testdata/recmd/Kroll_Batch.reb"), kroll.entries().size());
        assertEquals(count("testdata/recmd/DFIRBatch.reb"), dfir.entries().size());
        BatchEntry shutdown = kroll.entries().stream().filter(e -> e.description().equals("Shutdown Time"))
                .findFirst().orElseThrow();
        assertEquals(RecmdHiveType.SYSTEM, shutdown.hiveType());
        assertEquals("ShutdownTime", shutdown.valueName());
        assertEquals(BinaryConvert.FILETIME, shutdown.binaryConvert());
        assertTrue(shutdown.includeBinary());
        // the comment above the entry names the plugin RECmd runs there
        assertTrue(kroll.entries().stream().anyMatch(e -> "TimeZoneInfo".equals(e.recmdPlugin())
                && e.description().equals("System Time Zone Information")));
        assertTrue(kroll.entries().stream().anyMatch(e -> "Bam".equals(e.recmdPlugin())));
    }

    private static long count(String file) throws IOException {
        return java.nio.file.Files.readAllLines(Path.of(file)).stream().filter(l -> l.matches("^\\s+KeyPath:.*")).count();
    }

    @Test
    void aPlainEntryReadsAsRecmdDoesWithDefaults() {
        BatchFile b = parse(HEAD + entry("Description: d", "HiveType: NtUser", "Category: c", "KeyPath: Software\\X"));
        BatchEntry e = b.entries().get(0);
        assertEquals(RecmdHiveType.NTUSER, e.hiveType());
        assertNull(e.valueName());
        assertFalse(e.recursive());
        assertFalse(e.includeBinary());
        assertEquals(BinaryConvert.NONE, e.binaryConvert());
        assertEquals(7, e.line());
    }

    @Test
    void everyMalformedFileIsOneErrorNamingTheLineAndTheField() {
        assertEquals("t.reb: line 11: field KeyPth: RECmd has no such field in an entry",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "Category: c", "Recursive: false",
                        "KeyPth: Select")));
        assertEquals("t.reb: line 7: field KeyPath: missing (RECmd requires it)",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "Category: c")));
        assertTrue(message(HEAD + entry("Description: d", "HiveType: SYSTEMS", "Category: c", "KeyPath: a"))
                .startsWith("t.reb: line 8: field HiveType: 'SYSTEMS' is not one of RECmd's hive types (OTHER, NTUSER"));
        assertEquals("t.reb: line 11: field Recursive: 'yes please' is not true or false",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "Category: c", "KeyPath: a",
                        "Recursive: yes please")));
        assertTrue(message(HEAD + entry(GOOD) + entry("Description: d", "HiveType: SYSTEM", "Category: c",
                "KeyPath: a", "BinaryConvert: FILETIM")).startsWith(
                "t.reb: line 17: field BinaryConvert: 'FILETIM' is not one of RECmd's conversions (NONE, FILETIME"));
        assertEquals("t.reb: line 10: field KeyPath: given twice",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "KeyPath: a", "KeyPath: b")));
        assertEquals("t.reb: line 7: field Category: missing (RECmd requires it)",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "KeyPath: a")));
        assertEquals("t.reb: line 6: field Keys: a list of at least one entry", message(HEAD + "    []\n"));
        assertEquals("t.reb: line 1: field Author: missing (RECmd requires it)",
                message("Description: x\nVersion: 1\nId: 2\nKeys:\n" + entry(GOOD)));
        assertEquals("t.reb: line 6: field Keys: each entry is a mapping of fields", message(HEAD + "    - just text\n"));
        assertEquals("t.reb: line 1: field Descripton: RECmd has no such field in the batch file's header",
                message("Descripton: x\n"));
        assertEquals("t.reb: line 10: field KeyPath: must be a single value",
                message(HEAD + entry("Description: d", "HiveType: SYSTEM", "Category: c", "KeyPath: [a, b]")));
        // an unquoted leading * is a YAML alias: RECmd's reader refuses it too
        assertTrue(message(HEAD + entry("Description: d", "HiveType: SYSTEM", "Category: c", "KeyPath: *\\X"))
                .startsWith("t.reb: line 10: not YAML: found undefined alias"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndATabIsCalledATab() {
        String m = message(HEAD + "    -\n\tDescription: d\n");
        assertTrue(m.startsWith("t.reb: line 7: not YAML: "), m);
        assertTrue(m.contains("tabs"), m);
        assertTrue(message("Description: [unclosed\nAuthor: x\n").startsWith("t.reb: line "));
        assertTrue(message("just a line").contains("a batch file is a mapping"));
        assertTrue(message("").contains("a batch file is a mapping"));
    }

    @Test
    void bytesThatAreNotTextAreNotABatchFile() {
        byte[] latin1 = (HEAD + entry("Description: caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("t.reb: not a RECmd batch file: not UTF-8 text",
                assertThrows(BatchFileException.class, () -> BatchFile.parse("t.reb", latin1)).getMessage());
        // a UTF-16 byte order mark, then an unpaired surrogate
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'D', 0, 0x00, (byte) 0xDC, 'x', 0};
        assertEquals("t.reb: not a RECmd batch file: not UTF-16 text",
                assertThrows(BatchFileException.class, () -> BatchFile.parse("t.reb", utf16)).getMessage());
    }

    @Test
    void aBillionLaughsIsRefusedNotExpanded() {
        StringBuilder y = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                y.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            y.append("]\n");
        }
        String m = message(y.toString());
        assertTrue(m.startsWith("t.reb: "), m);
    }
}
