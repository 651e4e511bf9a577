package org.patchlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.hive.FuzzSeeds;
import org.patchlens.hive.Hive;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.hive.HiveDiff;
import org.patchlens.hive.HiveException;
import org.patchlens.hive.Key;
import org.patchlens.hive.Value;
import org.patchlens.report.HiveWorkbooks;
import org.patchlens.report.XlsxBook;

/**
 * {@code hive dump -o dump.xlsx} and {@code hive diff -o diff.xlsx} on a seed hive with fields overwritten
 * inside its cells: the command contract, the evidence unchanged, and a workbook that opens with its two
 * sheets, whose rows are the keys and values (or changes) the reader gives for the same bytes, every name,
 * hex and rendered value reading back as written (or visibly cut at Excel's cell limit).
 */
@Timeout(10)
class WorkbookFuzzTest {
    private static final List<byte[]> SEEDS = FuzzSeeds.hives();
    private static final Path DIR;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] PATHS = {"ControlSet001", "ControlSet001\\Services\\MSExchangeIS\\ParametersSystem",
        "Größe", "ForcedRi", "Deep\\a"};

    static {
        try {
            DIR = TempFolders.create("patchlens-wbfuzz");
            Files.createDirectories(DIR.resolve("evidence"));
            Files.createDirectories(DIR.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Three seeds dumped whole, a subtree dump, a diff against another seed, a damaged seed diffed with itself,
     * hives named with control characters and with an escape look-alike.
     */
    static Stream<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (int i : new int[] {0, 4, SEEDS.size() - 1}) { // formats 1.2 and 1.6, and the hostile seed
            out.add(new FuzzBytes.Seed().u8(i, 0, 0, 0, 0).build());
        }
        out.add(new FuzzBytes.Seed().u8(3, 0, 1, 1, 0).build());
        out.add(new FuzzBytes.Seed().u8(4, 1).u32(4096 + 40).u8(3, 7, 1, 2, 2, 1).build());
        out.add(new FuzzBytes.Seed().u8(2, 2).u32(4200).u8(0, 0x41).u32(5000).u8(2).u32(0xFFFFFFFFL).u8(0, 3, 0).build());
        // dumps of hives whose names carry control characters, an escape look-alike, a formula, a newline
        for (String n : List.of("\u0001\u001f", "_x0041_")) {
            out.add(new FuzzBytes.Seed().u8(1, 0, 0, 1, 1).u8(java.util.Arrays.asList(EvidenceFuzzTest.NAMES).indexOf(n))
                    .build());
        }
        return out.stream();
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "5m")
    void hiveWorkbooks(byte[] data) throws IOException {
        FuzzBytes in = new FuzzBytes(data);
        int si = in.pick(SEEDS.size());
        byte[] seed = SEEDS.get(si);
        byte[] a = seed.clone();
        ByteBuffer bb = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        int patches = in.pick(9);
        for (int i = 0; i < patches; i++) {
            int pos = in.below(a.length - 3);
            switch (in.pick(4)) {
                case 0 -> a[pos] = (byte) in.u8();
                case 1 -> bb.putShort(pos, (short) in.u16());
                case 2 -> bb.putInt(pos, in.u32());
                default -> bb.putInt(pos, CheckFuzzTest.SPECIAL[in.pick(CheckFuzzTest.SPECIAL.length)]);
            }
        }
        if (patches > 0 && in.bool()) {
            bb.putInt(508, (int) HiveBuilder.checksumOf(a));
        }
        int command = in.pick(4);
        byte[] b = switch (command) {
            case 2 -> SEEDS.get(in.pick(SEEDS.size()));
            case 3 -> a;
            default -> null;
        };
        String path = command == 1 ? PATHS[in.pick(PATHS.length)] : null;
        boolean deterministic = in.bool();
        // the hive's file name: it is in the Summary, the document title and a document property
        String name = in.bool() ? EvidenceFuzzTest.name(in) : "SYSTEM";
        Path ev = DIR.resolve("evidence");
        Path fb = ev.resolve("SYSTEM.other");
        Path fa;
        try {
            fa = ev.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            return;
        }
        if (name.startsWith("SYSTEM.other") || name.equals("SYSTEM.LOG1")) {
            return;
        }
        Path out = DIR.resolve("out").resolve("out.xlsx");
        try (Stream<Path> old = Files.list(ev)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try {
            Files.write(fa, a);
        } catch (java.nio.file.FileSystemException e) {
            return; // a name this file system does not take
        }
        if (b != null) {
            Files.write(fb, b);
        }
        List<String> args = new ArrayList<>(command >= 2 ? List.of("hive", "diff", fa.toString(), fb.toString())
                : List.of("hive", "dump", fa.toString()));
        if (path != null) {
            args.addAll(List.of("--path", path));
        }
        args.addAll(List.of("-o", out.toString()));
        if (deterministic) {
            args.add("--deterministic");
        }
        String[] argv = args.toArray(String[]::new);
        String cmd = String.join(" ", argv);
        Map<String, String> before = EvidenceState.of(ev);
        try {
            CommandContract.Outcome o = CommandContract.check(argv);
            EvidenceState.same(before, EvidenceState.of(ev), cmd);
            if (o.exit() == 2) {
                return;
            }
            Hive ha = open(a);
            Key start = ha == null ? null : path == null ? ha.root() : ha.key(path);
            if (!Files.exists(out)) {
                if (o.exit() == 0 || start != null) {
                    throw new AssertionError(cmd + ": exit " + o.exit() + " and no workbook:\n" + o.err());
                }
                return;
            }
            if (ha == null) {
                throw new AssertionError(cmd + ": a workbook of a hive the reader refuses");
            }
            try (XSSFWorkbook wb = WorkbookContract.open(out, cmd)) {
                if (b == null) {
                    dump(wb, ha, start, cmd);
                } else {
                    Hive hb = open(b);
                    diff(wb, ha, hb, o.exit(), cmd);
                }
                summaryNames(wb.getSheet("Summary"), fa.toString(), cmd);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The Summary's "File" rows name the input exactly. */
    private static void summaryNames(Sheet s, String file, String cmd) {
        for (Row r : s) {
            if (WorkbookContract.text(r, 0).equals("File")) {
                WorkbookContract.same(file, WorkbookContract.text(r, 1), "Summary file", cmd);
                return;
            }
        }
        throw new AssertionError(cmd + ": no File row in the Summary");
    }

    private static Hive open(byte[] bytes) {
        try {
            Hive h = Hive.fromBytes(ParserContract.NAME, bytes);
            h.root();
            return h;
        } catch (HiveException e) {
            return null;
        }
    }

    /** The Dump sheet holds one row per value (one for a key without values), in walk order, as written. */
    private static void dump(XSSFWorkbook wb, Hive h, Key start, String cmd) {
        WorkbookContract.sheets(wb, List.of("Summary", "Dump"), cmd);
        Sheet s = wb.getSheet("Dump");
        var cols = HiveWorkbooks.DUMP_COLUMNS;
        WorkbookContract.header(s, cols, cmd);
        int cPath = WorkbookContract.column(cols, "Path");
        int cName = WorkbookContract.column(cols, "Value name");
        int cHex = WorkbookContract.column(cols, "Hex");
        int cValue = WorkbookContract.column(cols, "Value");
        int cClass = WorkbookContract.column(cols, "Class name");
        int r = 1;
        for (Key k : h.walk(start)) {
            List<Value> vs = k.values();
            String cls = k.className();
            for (int i = 0; i < Math.max(1, vs.size()); i++) {
                Row row = s.getRow(r);
                if (row == null) {
                    throw new AssertionError(cmd + ": the Dump sheet ends at row " + r + " before key " + k.path());
                }
                WorkbookContract.same(k.path(), WorkbookContract.text(row, cPath), "row " + r + " path", cmd);
                WorkbookContract.same(cls == null ? "" : cls, WorkbookContract.text(row, cClass), "row " + r
                        + " class name", cmd);
                if (!vs.isEmpty()) {
                    Value v = vs.get(i);
                    byte[] data = v.data();
                    WorkbookContract.same(v.name().isEmpty() ? "(default)" : v.name(), WorkbookContract.text(row, cName),
                            "row " + r + " value name", cmd);
                    // hex in words of 8 bytes; a value shown as its bytes likewise, as many as its row prints
                    String hex = HEX.formatHex(data);
                    WorkbookContract.same(XlsxBook.hexWords(hex), WorkbookContract.text(row, cHex), "row " + r + " hex",
                            cmd);
                    String value = v.decoded().render(data);
                    if (value.equals(hex)) {
                        WorkbookContract.sameBytes(XlsxBook.hexWords(hex), data.length, WorkbookContract.text(row,
                                cValue), "row " + r + " value", cmd);
                    } else {
                        WorkbookContract.same(value, WorkbookContract.text(row, cValue), "row " + r + " value", cmd);
                    }
                }
                r++;
            }
        }
        if (s.getRow(r) != null) {
            throw new AssertionError(cmd + ": the Dump sheet has rows past the last value (row " + r + ")");
        }
    }

    /** The Diff sheet holds the changes the comparison gives, in order; exit 1 when there are any. */
    private static void diff(XSSFWorkbook wb, Hive a, Hive b, int exit, String cmd) {
        WorkbookContract.sheets(wb, List.of("Summary", "Diff"), cmd);
        Sheet s = wb.getSheet("Diff");
        var cols = HiveWorkbooks.DIFF_COLUMNS;
        WorkbookContract.header(s, cols, cmd);
        if (b == null) {
            return;
        }
        List<HiveDiff.Change> changes = new ArrayList<>();
        HiveDiff.compare(a.root(), b.root(), changes::add);
        int cPath = WorkbookContract.column(cols, "Path");
        int cName = WorkbookContract.column(cols, "Value name");
        for (int i = 0; i < changes.size(); i++) {
            HiveDiff.Change c = changes.get(i);
            Row row = s.getRow(i + 1);
            if (row == null) {
                throw new AssertionError(cmd + ": the Diff sheet has " + i + " rows, the comparison " + changes.size());
            }
            WorkbookContract.same(c.path(), WorkbookContract.text(row, cPath), "row " + (i + 1) + " path", cmd);
            if (!c.isKey()) {
                WorkbookContract.same(c.valueName().isEmpty() ? "(default)" : c.valueName(),
                        WorkbookContract.text(row, cName), "row " + (i + 1) + " value name", cmd);
            }
        }
        if (s.getRow(changes.size() + 1) != null) {
            throw new AssertionError(cmd + ": the Diff sheet has more rows than the comparison's " + changes.size());
        }
        if (!changes.isEmpty() && exit != 1) {
            throw new AssertionError(cmd + ": " + changes.size() + " differences and exit " + exit);
        }
    }
}
