package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.hive.HiveBuilder;

/**
 * A crafted hive can name keys and values, and hold strings, with terminal escape sequences; a file can
 * be named with them. No text output (stdout of the text formats, and stderr) may pass an ESC or BEL
 * (nor, for {@code ese header}, an eseutil text file's name) on to the examiner's terminal: each is shown escaped ({@code \u001b}; {@code %1B} in the listing).
 */
class ControlCharactersInOutputTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

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
