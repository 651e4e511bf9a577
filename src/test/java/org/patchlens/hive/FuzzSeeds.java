package org.patchlens.hive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small builder-made hives (8 to 64 KiB) that the fuzz targets start from: every cell type in few
 * cells, so that mutations reach deep structures quickly. Made at test time, never committed.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    /** A compact hive with every cell type: lf/lh/li leaves, an ri, big data, class names, three sk cells. */
    public static HiveBuilder sampler(int minor) {
        HiveBuilder b = HiveBuilder.version(minor).fileName("\\SystemRoot\\System32\\Config\\SYSTEM")
                .lastWritten(Instant.parse("2003-02-01T10:20:30.1234567Z"));
        b.root().sz("", "root default").dword("RootDword", 0x12345678);
        b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem").security(BuiltHives.SHARED)
                .sz("Working Directory", "D:\\exchsrvr\\mdbdata")
                .expandSz("ImagePath", "%SystemRoot%\\system32\\store.exe")
                .multiSz("DependOnService", "MSExchangeSA", "", "MSExchangeDS")
                .qword("Q", 0x0123456789ABCDEFL)
                .dwordBigEndian("BE", 0xAABBCCDDL)
                .binary("ThreeBytes", 1, 2, 3)
                .binary("Empty", new byte[0])
                .none("Nothing")
                .link("Link", "\\Registry\\Machine\\System")
                .value("WeirdType", 0x1F4, new byte[] {1, 2, 3, 4, 5, 6})
                .binary("Hundred", BuiltHives.pattern(100, 1));
        if (minor >= 4) {
            b.key("Big").binary("Big17000", BuiltHives.pattern(17_000, 3));
        }
        b.key("ControlSet001\\Services\\Audited").security(BuiltHives.AUDITED).dword("x", 2);
        b.key("ControlSet001\\Control\\Lsa\\JD").className("b0c1d2e3");
        b.key("Select").dword("Current", 1).dword("Default", 1).dword("LastKnownGood", 1);
        b.key("Größe\\Café").sz("ÿber", "Latin-1 names").sz("Schlüssel", "ä");
        b.key("Ключ\\Ελληνικά").sz("значение", "UTF-16 names").dword("数", 3);
        b.key("Latin1AsUtf16").utf16Name().dword("plain", 4).val("plain").utf16Name();
        HiveBuilder.K forced = b.key("ForcedRi").ri(minor >= 5 ? HiveBuilder.ListKind.LH : HiveBuilder.ListKind.LF, 2);
        for (String n : new String[] {"e", "D", "c", "B", "a"}) {
            forced.key(n).sz("n", n);
        }
        HiveBuilder.K li = b.key("IndexLeaf").list(HiveBuilder.ListKind.LI);
        li.key("two");
        li.key("one");
        b.key("Deep\\a\\b\\c\\d\\e\\f").sz("leaf", "deep");
        return b;
    }

    /**
     * Dirty primaries with a transaction log each ({primary, log}): the sampler made dirty
     * (sequence numbers 11/10) with a new-format (HvLE) log and with an old-format (DIRT) log
     * that take it to the sampler with one more key.
     */
    public static List<byte[][]> replays() {
        byte[] before = sampler(5).toBytes();
        HiveBuilder b = sampler(5);
        b.key("Added\\ByTheLog").sz("v", "written after the primary was flushed").dword("n", 7);
        byte[] after = b.toBytes();
        byte[][] withNew = dirtyWithLog(before, after);
        byte[] oldLog = LogBuilder.oldLog(after, LogBuilder.dirtySectors(before, after), 1, 11,
                LogBuilder.pageStart(LogBuilder.binsSize(after)));
        return List.of(withNew, new byte[][] {withNew[0], oldLog});
    }

    /**
     * Dirty primaries whose logs change one value several times ({primary, log}), for the history
     * ({@link LogHistory}): the sampler made dirty (11/10) and a new-format log of four entries (Select's
     * Current set to 2, a key added with a value, the value changed, the key deleted), one page run each;
     * and the old-format pair of {@link #replays}.
     */
    public static List<byte[][]> histories() {
        List<byte[]> states = new ArrayList<>();
        for (int n = 0; n <= 4; n++) {
            HiveBuilder b = sampler(5);
            b.key("Select").dword("Current", n >= 1 ? 2 : 1);
            if (n == 2 || n == 3) {
                b.key("Added").lastWritten(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(n)).sz("v", "state " + n);
            }
            states.add(b.toBytes());
        }
        LogBuilder.NewLog log = new LogBuilder.NewLog(states.get(0), 10);
        for (int n = 1; n < states.size(); n++) {
            log.entry(states.get(n), 9 + n, LogBuilder.dirtyPages(states.get(n - 1), states.get(n)), 0);
        }
        byte[] dirty = states.get(0).clone();
        java.nio.ByteBuffer d = LogBuilder.le(dirty);
        d.putInt(4, 11);
        d.putInt(8, 10);
        d.putInt(508, (int) HiveBuilder.checksumOf(dirty));
        return List.of(new byte[][] {dirty, log.bytes()}, replays().get(1));
    }

    /**
     * {@code before} made dirty (sequence numbers 11/10) and a new-format (HvLE) log that takes it to
     * {@code after} (two hives of the same layout, as a builder makes them from one tree and the same tree
     * with a little more): {dirty primary, log}.
     */
    public static byte[][] dirtyWithLog(byte[] before, byte[] after) {
        byte[] dirty = before.clone();
        java.nio.ByteBuffer d = LogBuilder.le(dirty);
        d.putInt(4, 11);
        d.putInt(8, 10);
        d.putInt(508, (int) HiveBuilder.checksumOf(dirty));
        byte[] newLog = new LogBuilder.NewLog(before, 10).entry(after, 10, LogBuilder.dirtyPages(before, after), 0).bytes();
        return new byte[][] {dirty, newLog};
    }

    /** The seed hives as bytes: samplers of formats 1.2 to 1.6, a root-only hive, and two hostile variants. */
    public static List<byte[]> hives() {
        List<byte[]> out = new ArrayList<>();
        for (int minor = 2; minor <= 6; minor++) {
            out.add(sampler(minor).toBytes());
        }
        out.add(HiveBuilder.v15().toBytes());
        // a subkey list naming its own key (a cycle) and a value list longer than its cell claims
        HiveBuilder b = sampler(5);
        HiveBuilder.Image img = b.build();
        HiveBuilder.K deep = b.key("Deep\\a");
        img.putU4(deep.subkeyListOffset(), 4, b.key("Deep").nkOffset());
        HiveBuilder.K ps = b.key("ControlSet001\\Services\\MSExchangeIS\\ParametersSystem");
        img.putU4(ps.nkOffset(), 36, 100_000);
        out.add(img.fixChecksum().bytes());
        return out;
    }
}
