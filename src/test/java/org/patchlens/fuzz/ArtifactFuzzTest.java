package org.patchlens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.artifacts.ArtifactTesting;
import org.patchlens.artifacts.DeviceStructs;
import org.patchlens.artifacts.Catalog;
import org.patchlens.artifacts.Entry;
import org.patchlens.artifacts.Fixtures;
import org.patchlens.artifacts.HiveContext;
import org.patchlens.artifacts.HiveResult;
import org.patchlens.artifacts.SamUserData;
import org.patchlens.artifacts.ShimCacheBuilder;
import org.patchlens.artifacts.ShimCacheData;
import org.patchlens.artifacts.ShellItem;
import org.patchlens.artifacts.ShellItems;
import org.patchlens.artifacts.Structs;
import org.patchlens.artifacts.UserAssistData;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.ArtifactsWriter;
import org.patchlens.report.OutputFormat;

/**
 * Fuzz targets for the artifact decoders (docs/artifacts.md): one per binary structure over raw bytes, and one
 * per plugin over its hive type's fixture ({@code artifacts/Fixtures}) with values replaced, retyped or cut and
 * a few bytes of the hive overwritten. The contract: no exception; every field and every offset a note names lies
 * in the file; every note names one; the entries write in every format. In {@code mvn verify} each runs on its
 * seeds and on the committed inputs under src/test/resources/org/patchlens/fuzz/ArtifactFuzzTestInputs.
 */
@Timeout(10)
class ArtifactFuzzTest {
    static Stream<byte[]> structures() {
        HexFormat h = HexFormat.of();
        return Stream.of(new byte[0], h.parseHex("33d729750612cd01"), h.parseHex("00000b00010002000000000000000000"),
                h.parseHex("010000000500000004000000030000000200000000000000ffffffff"),
                h.parseHex("525960676e757c838a91989fa6adb4bb"), new byte[24], h.parseHex("0100000007"));
    }

    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void fileTime(byte[] data) {
        Structs.FileTimeData t = Structs.fileTime(data);
        problem(t.ok() == data.length >= 8, t.problem(), data.length != 8);
    }

    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void bamRecord(byte[] data) {
        Structs.BamRecord r = Structs.bam(data);
        problem(r.ok() == data.length >= 8 && r.rest().length == Math.max(0, data.length - 8), r.problem(),
                data.length < 8);
    }

    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void mruListEx(byte[] data) {
        Structs.MruOrder m = Structs.mruListEx(data);
        problem(m.order().size() <= data.length / 4 && !m.order().contains(0xFFFFFFFFL), m.problem(),
                data.length % 4 != 0);
    }

    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void guid(byte[] data) {
        Structs.GuidData g = Structs.guid(data);
        problem((g.text() != null) == data.length >= 16 && (g.text() == null || g.text().length() == 38), g.problem(),
                data.length != 16);
    }

    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void timeFields(byte[] data) {
        Structs.Transition t = Structs.transition(data);
        problem((t.text() != null) == data.length >= 16, t.problem(), data.length != 16);
    }

    static Stream<byte[]> shimCaches() {
        List<ShimCacheBuilder.Item> items = List.of(ShimCacheBuilder.Item.of("C:\\a.exe", 1L << 56).flags(2, 0)
                .data(new byte[]{0, 0, 0, 0, 1, 0, 0, 0}).size(7), ShimCacheBuilder.Item.of("b", 5));
        return Stream.of(new byte[0], ShimCacheBuilder.xp(items), ShimCacheBuilder.nt5(false, true, items),
                ShimCacheBuilder.nt5(true, false, items), ShimCacheBuilder.nt6(false, items),
                ShimCacheBuilder.nt6(true, items), ShimCacheBuilder.win8("00ts", items),
                ShimCacheBuilder.win8("10ts", items), ShimCacheBuilder.win10(0x30, items),
                ShimCacheBuilder.win10(0x34, items));
    }

    /** Any bytes as AppCompatCache data: entries within the data's bounds, every problem stated. */
    @MethodSource("shimCaches")
    @FuzzTest(maxDuration = "5m")
    void shimCacheData(byte[] data) {
        ShimCacheData.Cache c = ShimCacheData.parse(data);
        for (ShimCacheData.CacheEntry e : c.entries()) {
            problem(e.at() >= 0 && e.at() < data.length && (e.path() == null || e.path().length() <= data.length / 2),
                    e.problems().isEmpty() ? null : e.problems().get(0), false);
        }
        problem(c.entries().size() <= data.length / 12 + 1, c.problems().isEmpty() ? null : c.problems().get(0),
                c.format().equals("unknown"));
    }

    /** Any bytes as a UserAssist record: decoded exactly at 16 and from 72 bytes on, a problem otherwise. */
    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void userAssistRecord(byte[] data) {
        UserAssistData.Record r = UserAssistData.parse("x", data);
        problem((r.lastRun() != null) == (data.length == 16 || data.length >= 72), r.problem(),
                data.length != 16 && data.length != 72);
    }

    /** Any bytes as a SAM user's F and V values: read from 80 (F) and 0xCC (V) bytes on, a problem below. */
    @MethodSource("structures")
    @FuzzTest(maxDuration = "5m")
    void samUserValues(byte[] data) {
        SamUserData.F f = SamUserData.f(data);
        problem(f.ok() == data.length >= 80, f.problem(), data.length < 80);
        SamUserData.V v = SamUserData.v(data);
        problem(true, v.problems().isEmpty() ? null : v.problems().get(0), data.length < 0xCC);
        SamUserData.flags(f.accountControl());
    }

    static Stream<byte[]> deviceStructures() {
        HexFormat h = HexFormat.of();
        return Stream.of(new byte[0], h.parseHex("3ea0be5c0000100000000000"),
                h.parseHex("444d494f3a49443a9fe3576f6f2e454ba75222512bd0187f"),
                h.parseHex("5f003f003f005f00550053004200530054004f0052000000"),
                h.parseHex("dc070400030004000b00300027008801"), h.parseHex("c0a80101060000000018f8ea2ea2"));
    }

    @MethodSource("deviceStructures")
    @FuzzTest(maxDuration = "5m")
    void mountData(byte[] data) {
        DeviceStructs.MountData m = DeviceStructs.mountData(data);
        boolean consistent = m.hex().length() == 2 * data.length && switch (m.form()) {
            case MBR -> data.length == 12 && m.diskSignature().length() == 8;
            case GPT -> (m.partitionGuid() != null) == data.length >= 24;
            case DEVICE_PATH -> m.devicePath() != null && m.devicePath().chars().noneMatch(c -> c < 0x20);
            case UNKNOWN -> m.problem() != null;
        };
        problem(consistent, m.problem(), m.form() == DeviceStructs.MountForm.UNKNOWN);
    }

    @MethodSource("deviceStructures")
    @FuzzTest(maxDuration = "5m")
    void systemTime(byte[] data) {
        DeviceStructs.LocalTime t = DeviceStructs.systemTime(data);
        problem((t.text() != null) == data.length >= 16, t.problem(), data.length != 16 && data.length > 0);
    }

    @MethodSource("deviceStructures")
    @FuzzTest(maxDuration = "5m")
    void gatewayHardware(byte[] data) {
        DeviceStructs.GatewayHardware g = DeviceStructs.gatewayHardware(data);
        problem((g.ip() != null) == data.length >= 8 && (g.mac() == null || g.mac().length() <= 3 * data.length),
                g.problem(), data.length < 8);
    }

    static Stream<byte[]> shellItemLists() {
        HexFormat h = HexFormat.of();
        return Stream.of(new byte[0], h.parseHex("0000"), h.parseHex("14001f50e04fd020ea3a6910a2d808002b30309d0000"),
                h.parseHex("19002f433a5c0000000000000000000000000000000000000000000000"),
                h.parseHex("4e00310000000000975072351000726f6f7400003a0009000400efbe97500635975006352e00000001a0"
                        + "000000000000000000000000000000000000000028ddc40072006f006f007400000014000000"),
                h.parseHex("2d00c301855c5c77736c245c5562756e747500506c616e2039204e6574776f726b2050726f76696465720048"
                        + "000000"),
                h.parseHex("ff7f2f"));
    }

    /** A shell item list from any bytes: items and problems inside the data, every item named. */
    @MethodSource("shellItemLists")
    @FuzzTest(maxDuration = "5m")
    void shellItemList(byte[] data) {
        ShellItem.ItemList l = ShellItems.list(data);
        for (ShellItem i : l.items()) {
            if (i.offset() < 0 || i.offset() >= data.length || i.name() == null || i.kind().isBlank()) {
                throw new AssertionError("item " + i);
            }
        }
        for (ShellItem.Problem p : l.problems()) {
            if (p.offset() < 0 || p.offset() > data.length || p.text().isBlank()) {
                throw new AssertionError("problem " + p);
            }
        }
        if (l.items().size() > ShellItems.MAX_ITEMS) {
            throw new AssertionError(l.items().size() + " items");
        }
    }

    /** The result holds together, and a problem is stated exactly when {@code mustHaveOne}, or may be otherwise. */
    private static void problem(boolean consistent, String problem, boolean mustHaveOne) {
        if (!consistent) {
            throw new AssertionError("inconsistent result");
        }
        if (problem != null && problem.isBlank() || mustHaveOne && problem == null) {
            throw new AssertionError("problem: " + problem);
        }
    }

    // ------------------------------------------------------------------ one target per plugin

    @FuzzTest(maxDuration = "5m")
    void computerName(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.COMPUTER_NAME);
    }

    @FuzzTest(maxDuration = "5m")
    void timezoneData(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.TIMEZONE_DATA);
    }

    @FuzzTest(maxDuration = "5m")
    void shutdown(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.SHUTDOWN);
    }

    @FuzzTest(maxDuration = "5m")
    void services(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.SERVICES);
    }

    @FuzzTest(maxDuration = "5m")
    void bam(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.BAM);
    }

    @FuzzTest(maxDuration = "5m")
    void shimcache(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.SHIMCACHE);
    }

    @FuzzTest(maxDuration = "5m")
    void exchange55Server(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.EXCHANGE55_SERVER);
    }

    @FuzzTest(maxDuration = "5m")
    void softwarePersistence(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.SOFTWARE_PERSISTENCE);
    }

    @FuzzTest(maxDuration = "5m")
    void installedProgramsSoftware(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.INSTALLED_PROGRAMS_SOFTWARE);
    }

    @FuzzTest(maxDuration = "5m")
    void profilelist(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.PROFILELIST);
    }

    @FuzzTest(maxDuration = "5m")
    void lastLogon(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.LAST_LOGON);
    }

    @FuzzTest(maxDuration = "5m")
    void samparse(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.SAMPARSE);
    }

    @FuzzTest(maxDuration = "5m")
    void amcache(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.AMCACHE);
    }

    @FuzzTest(maxDuration = "5m")
    void ntuserPersistence(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.NTUSER_PERSISTENCE);
    }

    @FuzzTest(maxDuration = "5m")
    void installedProgramsNtuser(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.INSTALLED_PROGRAMS_NTUSER);
    }

    @FuzzTest(maxDuration = "5m")
    void typedUrls(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.TYPED_URLS);
    }

    @FuzzTest(maxDuration = "5m")
    void typedPaths(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.TYPED_PATHS);
    }

    @FuzzTest(maxDuration = "5m")
    void userAssist(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.USER_ASSIST);
    }

    @FuzzTest(maxDuration = "5m")
    void wordWheelQuery(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.WORD_WHEEL_QUERY);
    }

    @FuzzTest(maxDuration = "5m")
    void exchange55Cluster(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.EXCHANGE55_CLUSTER);
    }

    @FuzzTest(maxDuration = "5m")
    void usbstor(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.USBSTOR);
    }

    @FuzzTest(maxDuration = "5m")
    void usbDevices(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.USB_DEVICES);
    }

    @FuzzTest(maxDuration = "5m")
    void mountedDevices(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.MOUNTED_DEVICES);
    }

    @FuzzTest(maxDuration = "5m")
    void networkData(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.NETWORK_DATA);
    }

    @FuzzTest(maxDuration = "5m")
    void networklist(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.NETWORKLIST);
    }

    @FuzzTest(maxDuration = "5m")
    void ntuserShellbags(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.NTUSER_SHELLBAG_PLUGIN);
    }

    @FuzzTest(maxDuration = "5m")
    void usrclassShellbags(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.USRCLASS_SHELLBAG_PLUGIN);
    }

    @FuzzTest(maxDuration = "5m")
    void recentDocs(FuzzedDataProvider in) throws IOException {
        plugin(in, Catalog.RECENTDOCS);
    }

    private static final long[] TYPES = {0, 1, 2, 3, 4, 5, 6, 7, 11, 0xFFFF0001L};

    /**
     * The plugin on its hive type's fixture with up to eight values replaced (any type, any bytes), retyped or cut
     * short, then up to four 1-, 2- or 4-byte fields of the hive overwritten (checksum fixed or not).
     */
    static void plugin(FuzzedDataProvider in, Catalog plugin) throws IOException {
        HiveBuilder b = Fixtures.of(plugin.spec().hive());
        List<HiveBuilder.K> withValues = new ArrayList<>();
        collect(b.root(), withValues);
        int changes = in.consumeInt(0, 8);
        for (int i = 0; i < changes && !withValues.isEmpty(); i++) {
            HiveBuilder.K k = withValues.get(in.consumeInt(0, withValues.size() - 1));
            HiveBuilder.V v = k.values().get(in.consumeInt(0, k.values().size() - 1));
            switch (in.consumeInt(0, 3)) {
                case 0 -> k.value(v.name(), in.pickValue(TYPES), in.consumeBytes(in.consumeInt(0, 64)));
                case 1 -> k.value(v.name(), v.type(), Arrays.copyOf(v.data(), in.consumeInt(0, v.data().length)));
                case 2 -> k.value(v.name(), v.type(), in.consumeBytes(in.consumeInt(0, 300)));
                default -> k.value(v.name(), in.consumeInt(), v.data());
            }
        }
        byte[] bytes = b.toBytes();
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patches = in.consumeInt(0, 4);
        for (int i = 0; i < patches && in.remainingBytes() > 0; i++) {
            int pos = in.consumeInt(4096, bytes.length - 4);
            switch (in.consumeInt(0, 2)) {
                case 0 -> bytes[pos] = in.consumeByte();
                case 1 -> bb.putShort(pos, in.consumeShort());
                default -> bb.putInt(pos, in.consumeInt());
            }
        }
        if (patches > 0 && in.consumeBoolean()) {
            bb.putInt(508, (int) HiveBuilder.checksumOf(bytes));
        }
        Hive h = ParserContract.open(bytes);
        if (h == null) {
            return;
        }
        List<Entry> entries = plugin.plugin().run(new HiveContext(h, plugin.spec().hive()));
        for (Entry e : entries) {
            if (!e.plugin().equals(plugin.pluginName())) {
                throw new AssertionError("entry of " + e.plugin());
            }
            ArtifactTesting.checkOffsets(e, h.fileSize());
        }
        HiveResult r = new HiveResult("fuzzed", "0".repeat(64), plugin.spec().hive(), List.of(plugin), entries);
        for (OutputFormat f : ArtifactsWriter.FORMATS) {
            ArtifactsWriter w = new ArtifactsWriter(f, OutputStream.nullOutputStream(), List.of(plugin));
            w.hive(r);
            w.finish();
        }
        ParserContract.checkDamage(h);
    }

    private static void collect(HiveBuilder.K k, List<HiveBuilder.K> out) {
        if (!k.values().isEmpty()) {
            out.add(k);
        }
        for (HiveBuilder.K c : k.children()) {
            collect(c, out);
        }
    }
}
