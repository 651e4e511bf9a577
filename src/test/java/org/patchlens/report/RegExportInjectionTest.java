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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.cli.Main;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;

/**
 * A crafted hive cannot put a section or a value into a {@code .reg} export that the hive does not hold: a
 * key named {@code x<CR><LF>[HKEY_LOCAL_MACHINE\...\Run]<CR><LF>"Injected"="calc.exe"} once gave a real
 * Run-key section. Keys and values whose names regedit's format cannot carry are left out (a key with its
 * subtree), each with a comment line in the file and a line on stderr, and the exit code is 1.
 */
class RegExportInjectionTest {
    private static final String PREFIX = "HKEY_LOCAL_MACHINE\\SOFTWARE";
    private static final String RUN = "[" + PREFIX + "\\Microsoft\\Windows\\CurrentVersion\\Run]";
    private static final String INJECTED_KEY = "x\r\n" + RUN + "\r\n\"Injected\"=\"calc.exe\"";
    private static final String INJECTED_VALUE = "v\"=\"\"\r\n\"Injected\"=\"calc.exe\"";

    @TempDir
    Path tmp;

    private Path hive() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Soft\\Good").sz("Plain", "plain").sz("quo\"te\\back", "d\"a\\ta").dword("n", 7)
                .sz(INJECTED_VALUE, "gone").sz("Lf\nonly", "gone").sz("", "the default");
        HiveBuilder.K injected = b.key("Soft\\Good").keyNamed(INJECTED_KEY).sz("inside", "gone");
        injected.key("Deeper").sz("deep", "gone").dword("d", 1);
        b.key("Soft").keyNamed("back\\slash").sz("b", "gone");
        b.key("Soft\\Good\\Sub ]Bracket]").sz("br", "kept");
        b.key("Soft\\After").sz("a", "after");
        return b.write(Files.createDirectories(tmp.resolve("evidence")).resolve("crafted.hive"));
    }

    /** A .reg file read back: section name to value names with their raw data text, in order. */
    private static Map<String, Map<String, String>> parse(String text, List<String> comments) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String[] lines = text.split("\r\n", -1);
        assertEquals("Windows Registry Editor Version 5.00", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            while (l.endsWith("\\") && i + 1 < lines.length) {
                l = l.substring(0, l.length() - 1) + lines[++i].strip();
            }
            if (l.isEmpty()) {
                current = null;
            } else if (l.startsWith(";")) {
                comments.add(l);
            } else if (l.startsWith("[") && l.endsWith("]")) {
                current = new LinkedHashMap<>();
                assertEquals(null, sections.put(l.substring(1, l.length() - 1), current), "one section per key: " + l);
            } else {
                assertNotNull(current, "a value line outside a section: " + l);
                String name;
                int eq;
                if (l.startsWith("@=")) {
                    name = "";
                    eq = 1;
                } else {
                    assertTrue(l.startsWith("\""), l);
                    StringBuilder sb = new StringBuilder();
                    int j = 1;
                    for (; l.charAt(j) != '"'; j++) {
                        char c = l.charAt(j) == '\\' ? l.charAt(++j) : l.charAt(j);
                        sb.append(c);
                    }
                    name = sb.toString();
                    eq = j + 1;
                }
                assertEquals('=', l.charAt(eq), l);
                current.put(name, l.substring(eq + 1));
            }
        }
        return sections;
    }

    private record Run(int exit, String err, String reg) {
    }

    private Run export(Path hive) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out")).resolve("export.reg");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"hive", "export-reg", hive.toString(), "--prefix", PREFIX, "-o",
            out.toString()}, new PrintWriter(o), new PrintWriter(e));
        byte[] reg = Files.readAllBytes(out);
        assertEquals((byte) 0xFF, reg[0]);
        assertEquals((byte) 0xFE, reg[1]);
        // stdout: the one summary line of what was exported (the left-out ones are on stderr)
        assertTrue(o.toString().matches("\\Q" + hive + ": \\E\\d+ keys, \\d+ values written to \\Q" + out
                + " (reg)\\E\n"), o.toString());
        return new Run(code, e.toString(), new String(reg, 2, reg.length - 2, StandardCharsets.UTF_16LE));
    }

    @Test
    void namesThatWouldForgeLinesAreLeftOutAndReported() throws Exception {
        Path src = hive();
        Run r = export(src);
        assertEquals(1, r.exit(), "left-out items are damage to the export:\n" + r.err());
        assertFalse(r.reg().replace("\r\n", "").contains("\n") || r.reg().replace("\r\n", "").contains("\r"),
                "CRLF line ends only, no CR or LF of a name");

        List<String> comments = new ArrayList<>();
        Map<String, Map<String, String>> sections = parse(r.reg(), comments);
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        expected.put(PREFIX, Map.of());
        expected.put(PREFIX + "\\Soft", Map.of());
        expected.put(PREFIX + "\\Soft\\After", Map.of("a", "\"after\""));
        expected.put(PREFIX + "\\Soft\\Good", Map.of("Plain", "\"plain\"", "quo\"te\\back", "\"d\\\"a\\\\ta\"",
                "n", "dword:00000007", "", "\"the default\""));
        expected.put(PREFIX + "\\Soft\\Good\\Sub ]Bracket]", Map.of("br", "\"kept\""));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(sections), r.reg());
        assertTrue(r.reg().contains("\"quo\\\"te\\\\back\"=\"d\\\"a\\\\ta\""), "regedit's escapes");
        List<String> lines = r.reg().lines().toList();
        assertFalse(lines.contains(RUN), "no forged section");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\"Injected\"")), "no forged value");

        // one comment per left-out item, names escaped; the keys' comments with their subtree counts
        String shownKey = "\\Soft\\Good\\x\\r\\n" + RUN + "\\r\\n\"Injected\"=\"calc.exe\"";
        assertEquals(List.of(
                "; value \\Soft\\Good : v\"=\"\"\\r\\n\"Injected\"=\"calc.exe\" left out of the .reg: its name holds a "
                    + "line break (regedit's format cannot represent it)",
                "; value \\Soft\\Good : Lf\\nonly left out of the .reg: its name holds a line break (regedit's format "
                    + "cannot represent it)",
                "; key " + shownKey + " (with 1 subkey and 3 values) left out of the .reg: its name holds a line "
                    + "break (regedit's format cannot represent it)",
                "; key \\Soft\\back\\slash (with 0 subkeys and 1 value) left out of the .reg: its name holds a "
                    + "backslash (regedit would read it as a path of subkeys)"),
                sortedLike(comments, List.of("; value \\Soft\\Good : v", "; value \\Soft\\Good : Lf", "; key \\Soft\\Good\\x",
                        "; key \\Soft\\back")));

        // stderr: one line per left-out item, with the file and the nk / vk offset
        List<String> err = r.err().lines().toList();
        try (Hive h = Hive.open(src)) {
            Key good = h.key("Soft\\Good");
            Key injected = good.subkeys().stream().filter(k -> k.name().equals(INJECTED_KEY)).findFirst().orElseThrow();
            Key slash = h.key("Soft").subkeys().stream().filter(k -> k.name().equals("back\\slash")).findFirst()
                    .orElseThrow();
            List<String> want = new ArrayList<>();
            for (String c : comments) {
                long offset = c.startsWith("; value \\Soft\\Good : v") ? good.value(INJECTED_VALUE).fileOffset()
                        : c.startsWith("; value") ? good.value("Lf\nonly").fileOffset()
                        : c.contains("back\\slash") ? slash.fileOffset() : injected.fileOffset();
                want.add(String.format("patchlens: %s: at offset 0x%X: %s", Printable.of(h.name()), offset,
                        c.substring(2)));
            }
            assertEquals(new java.util.TreeSet<>(want), new java.util.TreeSet<>(err), r.err());
            assertEquals(4, err.size(), r.err());
        }
        assertTrue(r.err().chars().noneMatch(c -> c == '\r'), "no raw CR on stderr");
    }

    /**
     * String data holding characters that act on a terminal or reorder a line (ESC, C1, U+202E, U+2028) is written as
     * hex(1): bytes, exact, so that a {@code .reg} shown with cat or type cannot clear the screen or disguise a
     * command line; a tab and the rest of the text stay a quoted string.
     */
    @Test
    void stringDataThatWouldActOnATerminalIsWrittenAsHex() throws Exception {
        HiveBuilder b = HiveBuilder.v15();
        b.key("Soft\\Run").sz("Esc", "a\u001b[2Jb").sz("Csi", "c\u009bd").sz("Rlo", "invoice\u202Efdp.exe")
                .sz("Ls", "e\u2028f").sz("Tab", "g\th").sz("Plain", "ok");
        Path src = b.write(Files.createDirectories(tmp.resolve("evidence")).resolve("terminal.hive"));
        Run r = export(src);
        assertEquals(0, r.exit(), r.err());
        Map<String, String> run = parse(r.reg(), new ArrayList<>()).get(PREFIX + "\\Soft\\Run");
        assertEquals("hex(1):61,00,1b,00,5b,00,32,00,4a,00,62,00,00,00", run.get("Esc"));
        assertEquals("hex(1):63,00,9b,00,64,00,00,00", run.get("Csi"));
        assertEquals("hex(1):65,00,28,20,66,00,00,00", run.get("Ls"));
        assertTrue(run.get("Rlo").startsWith("hex(1):69,00,6e,00"), run.get("Rlo"));
        assertEquals("\"g\th\"", run.get("Tab"));
        assertEquals("\"ok\"", run.get("Plain"));
        assertTrue(r.reg().chars().noneMatch(c -> c == 0x1B || c == 0x9B || c == 0x202E || c == 0x2028), r.reg());
    }

    /** {@code items} ordered by which of {@code prefixes} each starts with. */
    private static List<String> sortedLike(List<String> items, List<String> prefixes) {
        List<String> out = new ArrayList<>();
        for (String p : prefixes) {
            items.stream().filter(i -> i.startsWith(p)).forEach(out::add);
        }
        assertEquals(items.size(), out.size(), items.toString());
        return out;
    }

    private static boolean hivexregedit() {
        try {
            Process p = new ProcessBuilder("hivexregedit", "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** The round trip: hivexregedit merges the export into an empty hive, which then holds exactly the exportable part. */
    @Test
    void mergedExportHoldsExactlyTheExportableKeysAndValues() throws Exception {
        assumeTrue(hivexregedit(), "hivexregedit (libwin-hivex-perl) is not installed");
        Path src = hive();
        Run r = export(src);
        assertEquals(1, r.exit(), r.err());
        // hivexregedit reads a .reg file as Latin-1 bytes (RegExportMergeTest): the names here are Latin-1
        Path latin1 = tmp.resolve("out").resolve("export-latin1.reg");
        Files.writeString(latin1, r.reg(), StandardCharsets.ISO_8859_1);
        Path target = HiveBuilder.v15().write(tmp.resolve("empty.hive"));
        Process p = new ProcessBuilder("hivexregedit", "--merge", "--prefix", PREFIX, target.toString(),
                latin1.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);

        Map<String, List<String>> want = new TreeMap<>();
        want.put("\\", List.of());
        want.put("\\Soft", List.of());
        want.put("\\Soft\\After", List.of("a"));
        want.put("\\Soft\\Good", List.of("", "Plain", "n", "quo\"te\\back"));
        want.put("\\Soft\\Good\\Sub ]Bracket]", List.of("br"));
        Map<String, List<String>> got = new TreeMap<>();
        try (Hive a = Hive.open(src); Hive b = Hive.open(target)) {
            for (Key k : b.walk()) {
                List<String> names = new ArrayList<>();
                for (Value v : k.values()) {
                    names.add(v.name());
                    Value orig = a.key(k.path()).value(v.name());
                    assertEquals(orig.typeCode(), v.typeCode(), k.path() + " : " + v.name());
                    assertArrayEquals(orig.data(), v.data(), k.path() + " : " + v.name());
                }
                names.sort(null);
                got.put(k.path(), names);
            }
        }
        assertEquals(want, got);
    }
}
