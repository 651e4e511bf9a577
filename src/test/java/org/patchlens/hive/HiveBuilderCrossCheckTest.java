package org.patchlens.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the builder writes, read by three independent readers: the library (Listing, exact bytes),
 * hivex's hivexml (keys, times to the second, typed values) and libregf's regfinfo (header version,
 * key and value names), each compared with the builder's intent.
 */
class HiveBuilderCrossCheckTest {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "format 1.{0}")
    @ValueSource(ints = {3, 5})
    void libraryReadsExactlyWhatTheBuilderMeant(int minor) {
        HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.version(minor));
        try (Hive h = b.build().open()) {
            assertEquals(BuiltHives.intent(b), BuiltHives.listing(h));
            assertEquals(List.of(), h.damage());
            HiveHeader hdr = h.header();
            assertEquals("1." + minor, hdr.version());
            assertTrue(hdr.checksumValid());
            assertEquals(0x1234, hdr.primarySequenceNumber());
            assertEquals(0x1234, hdr.secondarySequenceNumber());
            assertEquals("\\SystemRoot\\System32\\Config\\SYSTEM".substring(3), hdr.fileName());
            assertEquals(Instant.parse("2003-02-01T10:20:30.1234567Z"), hdr.lastWrittenInstant());
            assertEquals(hdr.lastWritten(), hdr.firstBinTimestamp());
            assertEquals(h.fileSize() - 4096, hdr.hiveBinsDataSize());
            assertEquals(b.root().nkOffset(), hdr.rootCellOffset());
        }
    }

    @ParameterizedTest(name = "format 1.{0}")
    @ValueSource(ints = {3, 5})
    void hivexmlSeesWhatTheBuilderMeant(int minor) throws Exception {
        assumeTrue(onPath("hivexml"), "hivexml (libhivex-bin) not installed");
        HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.version(minor));
        Path file = b.write(dir.resolve("hive1" + minor));
        byte[] xml = run("hivexml", file.toString());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element hive = doc.getDocumentElement();
        assertEquals("2003-02-01T10:20:30Z", text(child(hive, "mtime")));
        List<String> seen = new ArrayList<>();
        hivexNode(child(hive, "node"), "", true, seen);
        assertEquals(String.join("\n", hivexIntent(b)), String.join("\n", seen));
    }

    @ParameterizedTest(name = "format 1.{0}")
    @ValueSource(ints = {3, 5})
    void regfinfoSeesWhatTheBuilderMeant(int minor) throws Exception {
        assumeTrue(onPath("regfinfo"), "regfinfo (libregf-utils) not installed");
        HiveBuilder b = BuiltHives.kitchenSink(HiveBuilder.version(minor));
        Path file = b.write(dir.resolve("hive2" + minor));
        String out = new String(run("regfinfo", file.toString()), StandardCharsets.UTF_8);
        assertTrue(out.contains("\tVersion:\t1." + minor + "\n"), out);
        assertTrue(out.contains("\tFile type:\tRegistry\n"), out);
        String tree = out.substring(out.indexOf("Key hierarchy\n") + "Key hierarchy\n".length()).strip();
        assertEquals(String.join("\n", regfinfoIntent(b)), tree);
    }

    // ------------------------------------------------------------ hivexml

    /** One line per key ("K path mtime") and per value ("V path name type rendering"), pre-order. */
    private static void hivexNode(Element node, String parentPath, boolean root, List<String> out) {
        String path = root ? "" : parentPath + "\\" + node.getAttribute("name");
        out.add("K " + (root ? "\\" : path) + " " + text(child(node, "mtime")));
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("value")) {
                String name = e.hasAttribute("default") ? "" : e.getAttribute("key");
                String rendering;
                if (e.getAttribute("type").equals("string-list")) {
                    List<String> parts = new ArrayList<>();
                    for (Node s = e.getFirstChild(); s != null; s = s.getNextSibling()) {
                        if (s instanceof Element se && se.getTagName().equals("string")) {
                            parts.add("[" + se.getTextContent() + "]");
                        }
                    }
                    rendering = String.join("", parts);
                } else if (e.getAttribute("encoding").equals("base64")) {
                    rendering = BuiltHives.hex(Base64.getMimeDecoder().decode(e.getAttribute("value")));
                } else {
                    rendering = e.getAttribute("value");
                }
                out.add("V " + (root ? "\\" : path) + " " + name + " " + e.getAttribute("type") + " " + rendering);
            }
        }
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("node")) {
                hivexNode(e, path, false, out);
            }
        }
    }

    /** The builder's intent in hivexml's terms (type names, signed int32/int64, strings to the first NUL). */
    private static List<String> hivexIntent(HiveBuilder b) {
        List<String> out = new ArrayList<>();
        ArrayDeque<HiveBuilder.K> todo = new ArrayDeque<>();
        todo.push(b.root());
        while (!todo.isEmpty()) {
            HiveBuilder.K k = todo.pop();
            String t = SECONDS.format(FileTime.toInstant(k.lastWrittenRaw()).truncatedTo(ChronoUnit.SECONDS));
            out.add("K " + k.path() + " " + t);
            for (HiveBuilder.V v : k.values()) {
                byte[] d = v.data();
                String rendering = switch ((int) v.type()) {
                    case 1, 2, 6 -> utf16ToNul(d);
                    case 4 -> Integer.toString(le32(d, 0));
                    case 5 -> Integer.toString(Integer.reverseBytes(le32(d, 0)));
                    case 11 -> Long.toString((long) le32(d, 4) << 32 | (le32(d, 0) & 0xFFFFFFFFL));
                    case 7 -> multi(d);
                    default -> BuiltHives.hex(d);
                };
                String type = switch ((int) v.type()) {
                    case 0 -> "none";
                    case 1 -> "string";
                    case 2 -> "expand";
                    case 3 -> "binary";
                    case 4, 5 -> "int32";
                    case 6 -> "link";
                    case 7 -> "string-list";
                    case 8 -> "resource-list";
                    case 11 -> "int64";
                    default -> "unknown";
                };
                out.add("V " + k.path() + " " + v.name() + " " + type + " " + rendering);
            }
            List<HiveBuilder.K> listed = k.listed();
            for (int i = listed.size() - 1; i >= 0; i--) {
                todo.push(listed.get(i));
            }
        }
        return out;
    }

    /** hivex splits multi-strings at every NUL up to the end of the data: "a\0\0b\0\0" is [a][][b][]. */
    private static String multi(byte[] d) {
        StringBuilder sb = new StringBuilder();
        String s = new String(d, StandardCharsets.UTF_16LE);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == 0) {
                sb.append('[').append(s, start, i).append(']');
                start = i + 1;
            }
        }
        return sb.toString();
    }

    private static String utf16ToNul(byte[] d) {
        String s = new String(d, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static int le32(byte[] d, int o) {
        return (d[o] & 0xFF) | (d[o + 1] & 0xFF) << 8 | (d[o + 2] & 0xFF) << 16 | (d[o + 3] & 0xFF) << 24;
    }

    // ------------------------------------------------------------ regfinfo

    /** regfinfo's tree: "(key:) name" and "(value: i) name" lines indented one space per level. */
    private static List<String> regfinfoIntent(HiveBuilder b) {
        List<String> out = new ArrayList<>();
        ArrayDeque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {b.root(), 0});
        while (!todo.isEmpty()) {
            Object[] e = todo.pop();
            HiveBuilder.K k = (HiveBuilder.K) e[0];
            int depth = (Integer) e[1];
            out.add(" ".repeat(depth) + "(key:) " + k.name());
            List<HiveBuilder.V> values = k.values();
            for (int i = 0; i < values.size(); i++) {
                String n = values.get(i).name();
                out.add(" ".repeat(depth + 1) + "(value: " + i + ") " + (n.isEmpty() ? "(default)" : n));
            }
            List<HiveBuilder.K> listed = k.listed();
            for (int i = listed.size() - 1; i >= 0; i--) {
                todo.push(new Object[] {listed.get(i), depth + 1});
            }
        }
        return out;
    }

    // ------------------------------------------------------------ helpers

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static byte[] run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed");
        return out;
    }

    private static Element child(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c;
            }
        }
        throw new AssertionError("no <" + tag + "> in <" + e.getTagName() + ">");
    }

    private static String text(Element e) {
        return e.getTextContent();
    }
}
