package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;

/** The dump's own JSON writer writes what Jackson writes, byte for byte. */
class JsonLineTest {
    /** The writer's buffer: the fillers below put a write just before, at and across its end. */
    private static final int B = JsonLine.BUFFER_BYTES;

    /**
     * What the outputs' Jackson ({@link JsonOut#FACTORY}) writes, with a lone surrogate as a \\uXXXX escape
     * (JsonLine's one deliberate difference).
     */
    private static String jackson(String s) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonOut.FACTORY.createGenerator(w)) {
            g.writeString(s);
        }
        String j = w.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < j.length(); i++) {
            char c = j.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < j.length() && Character.isLowSurrogate(j.charAt(i + 1));
            if (pair) {
                out.append(c).append(j.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String ours(String s) throws Exception {
        StringWriter w = new StringWriter();
        JsonLine j = new JsonLine(w);
        j.string(s);
        j.flush();
        return w.toString();
    }

    @Test
    void escapesEveryCharacterAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00\uFFFD\uFFFF\u2028\u2029");
        assertEquals(jackson(all.toString()), ours(all.toString()));
        Random r = new Random(4);
        for (int i = 0; i < 2000; i++) {
            char[] c = new char[r.nextInt(40)];
            for (int k = 0; k < c.length; k++) {
                c[k] = (char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000));
            }
            String s = new String(c);
            assertEquals(jackson(s), ours(s));
        }
        assertEquals("null", ours(null));
    }

    /**
     * docs/reliability.md: JSON escapes every control character: C0 (Jackson's short forms where it has one),
     * DEL and C1 as upper-case \\u00XX; Jackson alone wrote DEL and C1 raw. Bidirectional controls and
     * U+2028/U+2029 are kept as they are (real hives hold U+200E in data). Both writers, one rule.
     */
    @Test
    void everyControlCharacterIsEscapedByBoth() throws Exception {
        String s = "a\u001b\n\u007f\u0080\u0085\u009b\u009f\u00a0\u200e\u202e\u2028\u00e9\ud83d\ude00";
        String expected = "\"a\\u001B\\n\\u007F\\u0080\\u0085\\u009B\\u009F\u00a0\u200e\u202e\u2028\u00e9\ud83d\ude00\"";
        assertEquals(expected, jackson(s));
        assertEquals(expected, ours(s));
        // escaped exactly where the character is a control (quote and backslash as JSON has them)
        for (char c = 0; c < 0x3000; c++) {
            if (c != '"' && c != '\\') {
                assertEquals(Character.getType(c) == Character.CONTROL, ours(String.valueOf(c)).startsWith("\"\\"),
                        String.format("U+%04X", (int) c));
            }
        }
    }

    @Test
    void aDumpLineIsWhatJacksonWritesForTheSameTree() throws Exception {
        ObjectMapper m = new ObjectMapper(JsonOut.FACTORY.copy()); // a copy: a mapper makes itself its factory's codec
        for (byte[] seed : FuzzSeeds.hives()) {
            Hive h = Hive.fromBytes("seed", seed);
            StringWriter w = new StringWriter();
            HiveDump.write(h, h.root(), OutputFormat.JSONL, w);
            String out = w.toString();
            assertEquals('\n', out.charAt(out.length() - 1));
            for (String line : out.split("\n")) {
                assertEquals(m.writeValueAsString(m.readTree(line)), line);
            }
        }
    }

    @Test
    void numbersAreTheDigitsLongWritesWhereverTheBufferBoundaryFalls() throws Exception {
        long[] vs = {0, 1, 9, 10, 99, 100, -1, -9, -10, 4294967295L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (int filler : new int[] {0, B - 20, B - 19, B - 6, B - 1}) {
            StringWriter w = new StringWriter();
            JsonLine j = new JsonLine(w);
            j.raw("y".repeat(filler));
            StringBuilder expected = new StringBuilder("y".repeat(filler));
            for (long v : vs) {
                j.number(v).raw(",").unsigned(v).raw(";");
                expected.append(v).append(',').append(Long.toUnsignedString(v)).append(';');
            }
            j.flush();
            assertEquals(expected.toString(), w.toString(), "after " + filler + " bytes");
        }
    }

    @Test
    void fileTimesAreWhatFileTimeIsoWritesWhereverTheBufferBoundaryFalls() throws Exception {
        long[] ts = {0, 130_290_000_000_000_000L, -1L, Long.MAX_VALUE}; // the last two: years past 9999
        for (int filler : new int[] {0, B - 36, B - 29, B - 28, B - 27, B - 1}) {
            StringWriter w = new StringWriter();
            JsonLine j = new JsonLine(w);
            j.raw("y".repeat(filler));
            StringBuilder expected = new StringBuilder("y".repeat(filler));
            for (long t : ts) {
                j.fileTime(t).raw(";");
                expected.append(org.patchlens.hive.FileTime.iso(t)).append(';');
            }
            j.flush();
            assertEquals(expected.toString(), w.toString(), "after " + filler + " bytes");
        }
    }

    /** The line's start encoded once is what {@link JsonLine#string} writes for it, every escape included. */
    @Test
    void anEncodedStringIsTheStringAsWritten() throws Exception {
        for (String s : new String[] {"", "C:\\evidence\\SYSTEM", "a\"b\u0001\u00e9\u20ac\ud83d\ude00", "\ud800x"}) {
            assertEquals(ours(s), new String(JsonLine.encoded(s), java.nio.charset.StandardCharsets.UTF_8), s);
        }
        assertEquals("ab", new String(JsonLine.concat("a".getBytes(), new byte[0], "b".getBytes())));
    }

    @Test
    void largeDataIsWrittenAcrossBufferBoundaries() throws Exception {
        byte[] b = new byte[200_001];
        new Random(5).nextBytes(b);
        StringWriter w = new StringWriter();
        JsonLine j = new JsonLine(w);
        j.raw("x").hex(b).raw(String.join("", java.util.Collections.nCopies(70_000, "y")));
        j.flush();
        assertEquals("x\"" + java.util.HexFormat.of().formatHex(b) + "\"" + "y".repeat(70_000), w.toString());
    }

    @Test
    void hexAgainRepeatsTheDigitsWhereverTheBufferBoundaryFalls() throws Exception {
        java.util.Random r = new java.util.Random(6);
        // sizes whose digits fit the buffer twice, once, or not at all
        for (int size : new int[] {0, 1, 7, 1000, B / 4 - 1, B / 4, B / 2 - 1, B / 2, B / 2 + 1, B}) {
            for (int filler : new int[] {0, 1, B / 2 - 4000, B - 536, B - 6, B - 1}) {
                byte[] d = new byte[size];
                r.nextBytes(d);
                byte[] other = d.clone();
                StringWriter w = new StringWriter();
                JsonLine j = new JsonLine(w);
                j.raw("y".repeat(filler)).hex(d).raw(',').hexAgain(d).raw(',').hexAgain(other).raw(',').hexAgain(d);
                j.flush();
                String h = "\"" + java.util.HexFormat.of().formatHex(d) + "\"";
                assertEquals("y".repeat(filler) + h + "," + h + "," + h + "," + h, w.toString(), size + "/" + filler);
            }
        }
    }

    @Test
    void preEncodedStructureIsCopiedWhereverTheBufferBoundaryFalls() throws Exception {
        byte[] field = JsonLine.ascii(",\"typeCode\":");
        int hugeLength = B + 4_464;
        byte[] huge = JsonLine.ascii("z".repeat(hugeLength)); // longer than the buffer: written past it
        for (int filler : new int[] {0, 1, B - 12, B - 11, B - 10, B - 1}) {
            StringWriter w = new StringWriter();
            JsonLine j = new JsonLine(w);
            j.raw("y".repeat(filler)).raw(field).number(4).raw(huge).raw(field);
            j.flush();
            assertEquals("y".repeat(filler) + ",\"typeCode\":4" + "z".repeat(hugeLength) + ",\"typeCode\":", w.toString(),
                    "after " + filler + " bytes");
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> JsonLine.ascii("\u00e4"));
    }
}
