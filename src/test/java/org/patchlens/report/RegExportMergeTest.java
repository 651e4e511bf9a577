package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * {@code hive export-reg} is proven by a second program: the export is merged into an empty hive
 * with {@code hivexregedit --merge}, and the merged hive holds the same keys, types and data.
 */
class RegExportMergeTest {
    @TempDir
    Path tmp;

    private static boolean hivexregedit() {
        try {
            Process p = new ProcessBuilder("hivexregedit", "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private Path source() {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Software\\Vendor\\App").sz("Name", "patchlens \"test\" \\ back").dword("Count", 42)
                .expandSz("Home", "%SystemRoot%\\app").multiSz("List", "one", "two", "three")
                .qword("Big", 0x1122334455667788L).binary("Blob", 0, 1, 2, 250, 251)
                .value("Odd", 0x1F4, new byte[] {9, 8, 7}).dwordBigEndian("BE", 7).none("Nothing")
                .sz("", "the default value").sz("Latin1", "Grüße ÿ");
        b.key("Software\\Vendor\\App\\Sub Key").sz("Empty", "");
        byte[] big = new byte[20000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        b.key("Software\\Vendor\\Other").binary("Large", big);
        try {
            return b.write(Files.createDirectories(tmp.resolve("evidence")).resolve("source.hive"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void exportMergedByHivexregeditGivesTheSameTree() throws Exception {
        assumeTrue(hivexregedit(), "hivexregedit (libwin-hivex-perl) is not installed");
        Path src = source();
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("export.reg");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"hive", "export-reg", src.toString(), "--path", "Software",
            "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE", "-o", out.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        byte[] reg = Files.readAllBytes(out);
        assertEquals((byte) 0xFF, reg[0]);
        assertEquals((byte) 0xFE, reg[1]);
        String text = new String(reg, 2, reg.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Software]"),
                text.substring(0, 80));
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF line ends only");

        // hivexregedit reads a .reg file byte by byte as Latin-1 (a UTF-8 "ü" becomes two characters),
        // so the UTF-16LE export is handed to it re-encoded as Latin-1; the test text stays within Latin-1
        Path utf8 = tmp.resolve("out").resolve("export-latin1.reg");
        Files.writeString(utf8, text, StandardCharsets.ISO_8859_1);
        Path target = HiveBuilder.v15().write(tmp.resolve("empty.hive"));
        Process p = new ProcessBuilder("hivexregedit", "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE",
                target.toString(), utf8.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);

        try (Hive a = Hive.open(src); Hive b = Hive.open(target)) {
            int values = 0;
            for (Key k : a.walk(a.key("Software"))) {
                Key m = b.key(k.path());
                assertNotNull(m, "merged hive lacks " + k.path());
                assertEquals(k.subkeyCount(), m.subkeyCount(), k.path());
                assertEquals(k.values().size(), m.values().size(), k.path());
                for (Value v : k.values()) {
                    Value w = m.value(v.name());
                    assertNotNull(w, k.path() + " : " + v.name());
                    assertEquals(v.typeCode(), w.typeCode(), k.path() + " : " + v.name());
                    assertArrayEquals(v.data(), w.data(), k.path() + " : " + v.name());
                    values++;
                }
            }
            assertEquals(13, values);
        }
    }
}
