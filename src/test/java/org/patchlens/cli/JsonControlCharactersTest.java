package org.patchlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * docs/reliability.md: JSON escapes every control character. Jackson and the dump's own writer escaped C0
 * only, so a U+009B (a whole CSI), U+0085 or DEL went out raw. Every JSON and JSONL output here holds no
 * raw C0, DEL or C1 character (a line break between records aside) and still reads back to the evidence
 * text exactly, bidirectional controls and line separators included.
 */
class JsonControlCharactersTest {
    /** C1 CSI and NEL, DEL, a bidi override and isolate, the line and paragraph separators, ESC. */
    private static final String HOSTILE = "x\u009b2J\u0085y\u007fz\u202eexe.txt\u2066w\u2069\u2028\u2029\u001b[31mv";

    @TempDir
    Path dir;

    /** No raw control character; returns how often the text reads back whole. */
    private static int assertEscaped(String cmd, String json, boolean jsonl) throws Exception {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertTrue(c == '\n' || Character.getType(c) != Character.CONTROL,
                    cmd + ": a raw U+" + String.format("%04X", (int) c) + " at " + i + ": ..."
                            + Printable.of(json.substring(Math.max(0, i - 80), Math.min(json.length(), i + 80))) + "...");
        }
        ObjectMapper m = new ObjectMapper();
        int found = 0;
        List<String> docs = jsonl ? json.lines().filter(l -> !l.isEmpty()).toList() : List.of(json);
        for (String doc : docs) {
            found += count(m.readTree(doc));
        }
        return found;
    }

    private static int count(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue().contains(HOSTILE) ? 1 : 0;
        }
        int sum = 0;
        for (JsonNode c : n) {
            sum += count(c);
        }
        return sum;
    }

    @Test
    void everyJsonOutputEscapesEveryControlCharacter() throws Exception {
        HiveBuilder a = HiveBuilder.v15();
        a.key("K" + HOSTILE).sz("V" + HOSTILE, "D" + HOSTILE).className("C" + HOSTILE);
        a.key("Plain").sz("s", "x");
        a.key("Gone").sz("G" + HOSTILE, "g" + HOSTILE); // freed below, for the recovered records
        a.key("Select").dword("Current", 1);
        a.key("ControlSet001\\Services\\Svc" + HOSTILE).expandSz("ImagePath", "I" + HOSTILE).dword("Start", 2);
        HiveBuilder b = HiveBuilder.v15();
        b.key("K" + HOSTILE).sz("V" + HOSTILE, "other" + HOSTILE);
        Path ev = Files.createDirectories(dir.resolve("ev"));
        HiveBuilder.Image img = a.build();
        img.free(a.key("Gone").val("G" + HOSTILE).vkOffset()).free(a.key("Gone").val("G" + HOSTILE).dataOffset())
                .putU4(a.key("Gone").nkOffset(), 36, 0);
        String one = Files.write(ev.resolve("one"), img.fixChecksum().bytes()).toString();
        String two = b.write(ev.resolve("two")).toString();
        Path mh = ev.resolve("mh.txt");
        String text;
        try (var in = getClass().getResourceAsStream("/org/patchlens/ese/eseutil/mh-55.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("Some Future Label: kept as is", "Some Future Label: kept" + HOSTILE)
                .replace("Database: priv.edb", "Database: priv" + HOSTILE + ".edb");
        Files.writeString(mh, text, StandardCharsets.UTF_8);
        List<String[]> lines = List.of(
                new String[] {"hive", "dump", one},
                new String[] {"hive", "dump", one, "--deleted"},
                new String[] {"hive", "timeline", one, "--format", "jsonl"},
                new String[] {"hive", "search", one, "--literal", "exe", "--format", "jsonl"},
                new String[] {"hive", "diff", one, two, "--format", "jsonl"},
                new String[] {"hive", "deleted", one, "--format", "jsonl"},
                new String[] {"hive", "artifacts", one, "--format", "jsonl"},
                new String[] {"ese", "header", mh.toString(), "--format", "json"});
        for (String[] args : lines) {
            CliRun r = CliRun.of(args);
            String cmd = Printable.of(String.join(" ", args));
            assertTrue(r.exit() == 0 || r.exit() == 1, cmd + ": exit " + r.exit() + "\n" + r.err());
            boolean jsonl = !List.of(args).contains("json");
            assertTrue(assertEscaped(cmd, r.out(), jsonl) > 0, cmd + ": the text does not read back:\n"
                    + Printable.of(r.out()));
        }
    }

    @Test
    void checkJsonlEscapesEveryControlCharacter() throws Exception {
        Path ev = Files.createDirectories(dir.resolve("check"));
        List<String> args = new ArrayList<>(List.of("check", ev.toString(), "--format", "jsonl"));
        args.addAll(HostileEvidence.write(ev, HOSTILE, "NODE1"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, r.exit(), r.err());
        assertTrue(assertEscaped("check", r.out(), true) > 0, Printable.of(r.out()));
    }
}
