package org.patchlens.hive;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Shared test hives made with {@link HiveBuilder}, and the builder's intent as a listing. */
final class BuiltHives {
    static final String SD_SHARED_OWNER = "S-1-5-21-1004336348-1177238915-682003330-1000";

    private BuiltHives() {
    }

    /** 40,000 bytes that are not periodic in 16,344 (segment mix-ups show). */
    static byte[] pattern(int len, int seed) {
        byte[] d = new byte[len];
        int x = seed;
        for (int i = 0; i < len; i++) {
            x = x * 1103515245 + 12345;
            d[i] = (byte) (x >>> 16);
        }
        return d;
    }

    /** 20,000 bytes of REG_BINARY that start like a big-data record: 64 62 02 00. */
    static byte[] dbLookalike() {
        byte[] d = pattern(20_000, 7);
        d[0] = 0x64;
        d[1] = 0x62;
        d[2] = 0x02;
        d[3] = 0x00;
        return d;
    }

    static final HiveBuilder.Sd SHARED = HiveBuilder.Sd.of().owner(SD_SHARED_OWNER).group("S-1-5-21-1004336348-1177238915-682003330-513")
            .allow("S-1-5-18", HiveBuilder.KEY_ALL_ACCESS, HiveBuilder.CI)
            .deny("S-1-1-0", 0x40000L, HiveBuilder.CI | HiveBuilder.OI)
            .allow("S-1-5-32-545", HiveBuilder.KEY_READ, HiveBuilder.CI | HiveBuilder.INHERITED);

    static final HiveBuilder.Sd AUDITED = HiveBuilder.Sd.of().owner("S-1-5-18").group("S-1-5-18")
            .allow("S-1-5-18", HiveBuilder.KEY_ALL_ACCESS, 0).audit("S-1-1-0", 0x10000);

    /**
     * A hive with every cell type: Latin-1 and UTF-16 names, class names, values of every
     * common type, inline / one-cell / big data, three security descriptors (one shared by
     * keys in two branches), lf/lh leaves, li, and ri with several leaves.
     */
    static HiveBuilder kitchenSink(HiveBuilder b) {
        b.fileName("\\SystemRoot\\System32\\Config\\SYSTEM").sequence(0x1234, 0x1234)
                .lastWritten(Instant.parse("2003-02-01T10:20:30.1234567Z"));
        b.root().sz("", "root default").dword("RootDword", 0x12345678);
        HiveBuilder.K ps = b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem")
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata")
                .dword("Circular Logging", 1)
                .expandSz("ImagePath", "%SystemRoot%\\system32\\store.exe")
                .multiSz("DependOnService", "MSExchangeSA", "MSExchangeDS")
                .multiSz("WithEmptyEntry", "a", "", "b")
                .qword("Q", 0x0123456789ABCDEFL)
                .dwordBigEndian("BE", 0xAABBCCDDL)
                .binary("OneByte", 0x7F)
                .binary("ThreeBytes", 1, 2, 3)
                .binary("Empty", new byte[0])
                .none("Nothing")
                .binary("Hundred", pattern(100, 1))
                .binary("FiveThousand", pattern(5000, 2))
                .binary("Big40000", pattern(40_000, 3))
                .binary("DbLookalike", dbLookalike())
                .value("WeirdType", 0x1F4, new byte[] {1, 2, 3, 4, 5, 6})
                .value("ResourceList", 8, pattern(24, 4))
                .lastWrittenRaw(HiveBuilder.DEFAULT_TIME + 1234567);
        ps.security(SHARED);
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersPrivate").security(AUDITED).dword("x", 2);
        b.key("ControlSet001\\Control\\Lsa\\JD").className("b0c1d2e3");
        b.key("ControlSet001\\Control\\Lsa\\Skew1").className("fe9a0b1c");
        b.key("ControlSet001\\Control\\Lsa\\GBG").className("3c4d5e6f");
        b.key("ControlSet002").security(SHARED).sz("Shared", "same sk as ParametersSystem");
        b.key("Select").lastWritten(Instant.parse("1999-12-31T23:59:59.9999999Z")).dword("Current", 1).dword("Default", 1).dword("LastKnownGood", 2);
        // names
        b.key("Größe\\Café").sz("ÿber", "Latin-1 names, compressed").sz("Schlüssel", "ä");
        b.key("Ключ\\Ελληνικά").sz("значение", "UTF-16 names").dword("数", 3);
        b.key("Latin1AsUtf16").utf16Name().dword("plain", 4).val("plain").utf16Name();
        // lists
        HiveBuilder.K many = b.key("Many");
        for (int i = 0; i < 1200; i++) {
            many.key(String.format("Sub%04d", (i * 7919) % 1200)).dword("i", i);
        }
        HiveBuilder.K forced = b.key("ForcedRi").ri(b.minor() >= 5 ? HiveBuilder.ListKind.LH : HiveBuilder.ListKind.LF, 2);
        for (String n : new String[] {"e", "D", "c", "B", "a"}) {
            forced.key(n).sz("n", n);
        }
        HiveBuilder.K li = b.key("IndexLeaf").list(HiveBuilder.ListKind.LI);
        li.key("two");
        li.key("one");
        HiveBuilder.K riLi = b.key("RiOverLi").ri(HiveBuilder.ListKind.LI, 3);
        for (int i = 0; i < 7; i++) {
            riLi.key("k" + i);
        }
        return b;
    }

    /** The listing ({@link Listing} format) the builder meant to write: pre-order, list order. */
    static String intent(HiveBuilder b) {
        StringBuilder sb = new StringBuilder();
        ArrayDeque<HiveBuilder.K> todo = new ArrayDeque<>();
        todo.push(b.root());
        while (!todo.isEmpty()) {
            HiveBuilder.K k = todo.pop();
            StringBuilder path = new StringBuilder();
            escapedPath(k, path);
            sb.append("K\t").append(path).append('\t').append(Long.toUnsignedString(k.lastWrittenRaw())).append('\t');
            if (k.className() != null && !k.className().isEmpty()) {
                Listing.escape(k.className(), sb);
            }
            sb.append('\n');
            for (HiveBuilder.V v : k.values()) {
                sb.append("V\t").append(path).append('\t');
                Listing.escape(v.name(), sb);
                byte[] d = v.data();
                sb.append('\t').append(v.type()).append('\t').append(d.length).append('\t')
                        .append(HexFormat.of().formatHex(d)).append('\n');
            }
            List<HiveBuilder.K> listed = k.listed();
            for (int i = listed.size() - 1; i >= 0; i--) {
                todo.push(listed.get(i));
            }
        }
        return sb.toString();
    }

    private static void escapedPath(HiveBuilder.K k, StringBuilder sb) {
        if (k.up() == null) {
            sb.append('\\');
            return;
        }
        ArrayDeque<String> names = new ArrayDeque<>();
        for (HiveBuilder.K a = k; a.up() != null; a = a.up()) {
            names.push(a.name());
        }
        for (String n : names) {
            sb.append('\\');
            Listing.escape(n, sb);
        }
    }

    /** The library's listing of a hive. */
    static String listing(Hive h) {
        StringWriter out = new StringWriter();
        Listing.write(h, h.root(), out);
        return out.toString();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
