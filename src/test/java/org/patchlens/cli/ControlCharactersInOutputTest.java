package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A crafted hive can name keys and values, and hold strings, with terminal escape sequences; a file can
 * be named with them. No text output (stdout of the text formats, and stderr) may pass an ESC or BEL
 * (nor, for {@code ese header}, an eseutil text file's name) on to the examiner's terminal: each is shown escaped ({@code \u001b}; {@code %1B} in the listing).
 * Nor a C1 control (U+009B is a whole CSI), a bidirectional control (U+202E, U+2066 reorder the line), a
 * line or paragraph separator, or a CR or LF that would forge a line: every character {@link Printable#of}
 * escapes. The listing is the corpus oracle format: it percent-escapes C0 controls and DEL only.
 */
class ControlCharactersInOutputTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    /** C1 CSI, bidi overrides and isolates, the line separator, and CR/LF (forged lines). */
    private static final String HOSTILE = "\u009b2J\u202eexe.txt\u2066x\u2069\u2028\r\nCRIT FAKE-01 PASS";

    /** Characters a text output may hold raw: none that {@link Printable#of} escapes, but the line ends. */
    private static void assertNothingRaw(String cmd, String text, boolean listing) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\n' || (listing && (c == '\t' || c >= 0x80 && !Character.isSurrogate(c)));
            assertTrue(allowed || !Printable.escaped(c), cmd + ": a raw U+" + String.format("%04X", (int) c)
                    + " at " + i + ":\n" + Printable.of(text));
        }
    }

    /** Whether file names outside ASCII can be made here (the JVM names files in its locale's charset). */
    private static boolean unicodeFileNames() {
        return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
    }

    @Test
    void noCommandWritesC1BidiOrLineBreaksToTheTerminal() throws Exception {
        String key = "K" + HOSTILE;
        String value = "V" + HOSTILE;
        HiveBuilder a = HiveBuilder.v15();
        a.key(key).sz(value, "D" + HOSTILE).multiSz("M" + HOSTILE, "m" + HOSTILE, "n")
                .className("C" + HOSTILE);
        a.key(key + "\\Sub" + HOSTILE).dword("d", 1);
        a.key("Plain").sz("s", "x");
        a.key("Gone").sz("G" + HOSTILE, "g" + HOSTILE); // freed below, for hive deleted
        // a SYSTEM hive to hive artifacts: a USB disk, a drive letter and its device path, a service
        a.key("Select").dword("Current", 1);
        a.key("ControlSet001\\Enum\\USBSTOR\\Disk&Ven_" + HOSTILE + "&Prod_p\\S" + HOSTILE)
                .sz("FriendlyName", "F" + HOSTILE);
        a.key("ControlSet001\\Services\\Svc" + HOSTILE).expandSz("ImagePath", "I" + HOSTILE).dword("Start", 9);
        a.key("MountedDevices").binary("\\DosDevices\\" + HOSTILE, HiveBuilder.utf16z("\\??\\USBSTOR#" + HOSTILE));
        HiveBuilder b = HiveBuilder.v15();
        b.key(key).sz(value, "other" + HOSTILE).className("c2" + HOSTILE);
        b.key("Added" + HOSTILE).sz("new" + HOSTILE, "y");
        Path ev = Files.createDirectories(dir.resolve("ev"));
        HiveBuilder.Image img = a.build();
        img.free(a.key("Gone").val("G" + HOSTILE).vkOffset()).free(a.key("Gone").val("G" + HOSTILE).dataOffset())
                .putU4(a.key("Gone").nkOffset(), 36, 0);
        // a file name with CR/LF always; with the C1 and bidi characters where file names are UTF-8
        String fileName = unicodeFileNames() ? "one" + HOSTILE : "one\r\nCRIT FAKE-01 PASS";
        String one = Files.write(ev.resolve(fileName), img.fixChecksum().bytes()).toString();
        String two = b.write(ev.resolve(unicodeFileNames() ? "two\u202e" : "two\r")).toString();
        List<String[]> lines = List.of(
                new String[] {"hive", "info", one},
                new String[] {"hive", "ls", one},
                new String[] {"hive", "ls", one, key},
                new String[] {"hive", "get", one, key, value},
                new String[] {"hive", "get", one, key},
                new String[] {"hive", "get", one, "No" + HOSTILE},
                new String[] {"hive", "get", one, key, "No" + HOSTILE},
                new String[] {"hive", "timeline", one},
                new String[] {"hive", "dump", one, "--format", "text"},
                new String[] {"hive", "dump", one, "--format", "text", "--deleted"},
                new String[] {"hive", "dump", one, "--format", "listing"},
                new String[] {"hive", "dump", one, "--path", "No" + HOSTILE},
                new String[] {"hive", "diff", one, two},
                new String[] {"hive", "diff", two, one},
                new String[] {"hive", "deleted", one, "--format", "text"},
                new String[] {"hive", "replay", one},
                new String[] {"hive", "artifacts", one, "--format", "text"},
                new String[] {"hive", "artifacts", one, two, "--format", "text", "--plugin", "usbstor", "--plugin",
                    "typed_urls"},
                new String[] {"hive", "search", one, "--literal", "D"},
                new String[] {"hive", "search", one, "--key", ".", "--deleted"},
                new String[] {"hive", "search", one, two, "--data", ".", "--deleted"},
                new String[] {"hive", "export-reg", one, "-o", Files.createDirectories(dir.resolve("out"))
                    .resolve("one.reg").toString()});
        for (String[] args : lines) {
            CliRun r = CliRun.of(args);
            String cmd = Printable.of(String.join(" ", args));
            assertTrue(r.exit() == 0 || r.exit() == 1, cmd + ": exit " + r.exit() + "\n" + r.err());
            boolean listing = List.of(args).contains("listing");
            assertNothingRaw(cmd, r.out(), listing);
            assertNothingRaw(cmd, r.err(), false);
            String all = r.out() + r.err();
            if (listing) {
                // the oracle format: CR and LF percent-escaped, other characters as UTF-8
                assertTrue(all.contains("%0D%0ACRIT FAKE-01 PASS"), cmd + ": the names are not shown");
            } else {
                // a name from the hive, or the file's name (all that hive info and replay show of this hive)
                assertTrue(all.contains("\\u009b2J\\u202eexe.txt\\u2066x\\u2069\\u2028\\r\\nCRIT FAKE-01 PASS")
                        || all.contains(Printable.of(fileName)), cmd + ": the names are not shown escaped:\n"
                        + Printable.of(all));
            }
            // no line of the output starts with the forged text
            assertTrue(all.lines().noneMatch(l -> l.startsWith("CRIT FAKE-01")), cmd + ": a forged line");
        }
    }

    /**
     * {@code check}'s text summary on a whole evidence tree whose cluster names the virtual server, whose
     * SYSTEM hive names the computer and a value, and whose folder is named, with ESC, OSC, CR/LF, C1 and
     * bidi sequences: they reach the object, expected, actual, both sources, the detail and the remedy,
     * and every one is shown escaped.
     */
    @Test
    void checkTextOutputShowsHostileEvidenceEscaped() throws Exception {
        String hostile = ESC + "[2J" + ESC + "]0;pwned\u0007" + HOSTILE;
        String folder = unicodeFileNames() ? hostile : ESC + "[2J\r\nCRIT FAKE-01 PASS";
        Path ev = Files.createDirectories(dir.resolve("check"));
        List<String> args = new ArrayList<>(List.of("check", ev.toString()));
        args.addAll(HostileEvidence.write(ev, hostile, folder));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String cmd = "check (hostile evidence)";
        assertEquals(1, r.exit(), r.out() + r.err());
        assertNothingRaw(cmd, r.out(), false);
        assertNothingRaw(cmd, r.err(), false);
        String shown = Printable.of(hostile);
        assertTrue(shown.startsWith("\\u001b[2J\\u001b]0;pwned\\u0007\\u009b2J\\u202e"), shown);
        List<String> out = r.out().lines().toList();
        for (String field : List.of("  object:   ", "  expected: ", "  actual:   ", "  detail:   ", "  remedy:   ")) {
            assertTrue(out.stream().anyMatch(l -> l.startsWith(field) && l.contains(shown)),
                    field + "does not show the evidence text escaped:\n" + r.out());
        }
        // a source: [file : key : value @0x...], the file in the hostile folder
        assertTrue(out.stream().anyMatch(l -> l.contains("   [" + Printable.of(folder) + "/system32/config/SYSTEM : ")),
                r.out());
        assertTrue(out.stream().noneMatch(l -> l.startsWith("CRIT FAKE-01")), "a forged line:\n" + r.out());
    }

    @Test
    void noCommandWritesAnEscapeOrBellToTheTerminal() throws Exception {
        HiveBuilder a = HiveBuilder.v15();
        a.key("K" + ESC + "[2J").sz("V" + ESC + "]0;title\u0007", "D" + ESC + "[31mred").className("C" + ESC + "[1m");
        a.key("Plain").sz("s", "x");
        a.key("Gone").sz("G" + ESC + "[5m", "g" + ESC + "[8m"); // freed below, for hive deleted
        HiveBuilder b = HiveBuilder.v15();
        b.key("K" + ESC + "[2J").sz("V" + ESC + "]0;title\u0007", "other" + ESC + "[0m");
        Path ev = Files.createDirectories(dir.resolve("ev"));
        HiveBuilder.Image img = a.build();
        img.free(a.key("Gone").val("G" + ESC + "[5m").vkOffset()).free(a.key("Gone").val("G" + ESC + "[5m").dataOffset())
                .putU4(a.key("Gone").nkOffset(), 36, 0);
        String one = Files.write(ev.resolve("one" + ESC + "[H"), img.fixChecksum().bytes()).toString();
        String two = b.write(ev.resolve("two")).toString();
        Path mh = ev.resolve("mh" + ESC + "[2J.txt");
        try (var in = getClass().getResourceAsStream("/org/patchlens/ese/eseutil/mh-55.txt")) {
            Files.copy(in, mh);
        }
        String key = "K" + ESC + "[2J";
        String value = "V" + ESC + "]0;title\u0007";
        List<String[]> lines = List.of(
                new String[] {"hive", "info", one},
                new String[] {"hive", "ls", one},
                new String[] {"hive", "ls", one, key},
                new String[] {"hive", "get", one, key, value},
                new String[] {"hive", "get", one, key},
                new String[] {"hive", "get", one, "No" + ESC + "[2J"},
                new String[] {"hive", "timeline", one},
                new String[] {"hive", "dump", one, "--format", "text"},
                new String[] {"hive", "dump", one, "--format", "listing"},
                new String[] {"hive", "dump", one, "--path", "No" + ESC + "[2J"},
                new String[] {"hive", "diff", one, two},
                new String[] {"hive", "deleted", one, "--format", "text"},
                new String[] {"ese", "header", mh.toString()});
        for (String[] args : lines) {
            CliRun r = CliRun.of(args);
            String cmd = String.join(" ", args).replace(ESC, "<ESC>").replace("\u0007", "<BEL>");
            assertTrue(r.exit() == 0 || r.exit() == 1, cmd + ": exit " + r.exit() + "\n" + r.err());
            for (String text : new String[] {r.out(), r.err()}) {
                assertTrue(text.indexOf(0x1b) < 0 && text.indexOf(0x07) < 0,
                        cmd + ": a raw ESC or BEL in the output:\n" + text.replace(ESC, "<ESC>").replace("\u0007", "<BEL>"));
            }
            String all = r.out() + r.err();
            // shown as \u001b, or percent-escaped in the listing (the corpus oracle format)
            assertTrue(all.contains("\\u001b") || all.toUpperCase(java.util.Locale.ROOT).contains("%1B"),
                    cmd + ": the names are not shown");
        }
    }
}
