package org.patchlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlens.ese.EseBuilder;
import org.patchlens.evidence.Hashing;
import org.patchlens.hive.HiveBuilder;
import org.patchlens.report.FindingsWriter;
import org.patchlens.report.ReportWorkbook;
import org.patchlens.rules.FuzzEvidence;

/**
 * {@code patchlens check} over a whole evidence folder with some of its files damaged: a scenario folder
 * (the demo, an online restore with logs and patch files, a stand-alone restore with a dirty SYSTEM hive and
 * its log) with up to three files overwritten, truncated, emptied, replaced, swapped, deleted or joined by a
 * new file, found by discovery or named by options. Whatever the bytes: exit 0 or 1 with nothing on stderr,
 * or 2 with one line; never a stack trace or internal error; every evidence file unchanged (SHA-256 and time
 * before and after, nothing added); the output (JSONL, CSV, or a workbook with its eight sheets whose
 * Evidence rows are the files as hashed) readable.
 */
@Timeout(10)
class CheckFuzzTest {
    static final List<FuzzEvidence.Template> TEMPLATES = FuzzEvidence.templates();
    private static final Path DIR;
    private static final List<Folder> FOLDERS = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int[] SPECIAL = {0, -1, 0x7FFFFFFF, 0x80000000, 1, 8, -8, 4096, -4096, 0xFFFF, 1 << 20};
    /** The sheets of the check workbook, in order. */
    static final List<String> SHEETS = List.of("Summary", "Runbook", "Findings", "Registry", "Cluster", "Store",
            "Log chain", "Evidence", "References");

    /** A template written to disk once; files an input changed are put back before the next. */
    private static final class Folder {
        final FuzzEvidence.Template template;
        final Path root;
        final List<String> names;
        final Set<String> touched = new HashSet<>();

        Folder(FuzzEvidence.Template t, Path root) {
            this.template = t;
            this.root = root;
            this.names = List.copyOf(t.files().keySet());
        }

        void restore() throws IOException {
            for (String n : touched) {
                Path p = root.resolve(n);
                byte[] b = template.files().get(n);
                if (b != null) {
                    Files.write(p, b);
                } else {
                    Files.deleteIfExists(p);
                }
            }
            touched.clear();
        }
    }

    static {
        try {
            DIR = TempFolders.create("patchlens-checkfuzz");
            for (int i = 0; i < TEMPLATES.size(); i++) {
                FuzzEvidence.Template t = TEMPLATES.get(i);
                Path root = DIR.resolve(i + "-" + t.name()).resolve("evidence");
                for (Map.Entry<String, byte[]> e : t.files().entrySet()) {
                    Path p = root.resolve(e.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.getValue());
                }
                FOLDERS.add(new Folder(t, root));
            }
            Files.createDirectories(DIR.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ seeds

    private static int index(int template, String name) {
        int i = TEMPLATES.get(template).files().keySet().stream().toList().indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in " + TEMPLATES.get(template).name());
        }
        return i;
    }

    private static FuzzBytes.Seed seed(int template) {
        return new FuzzBytes.Seed().u8(template);
    }

    private static final String SYSTEM = "NODE1/system32/config/SYSTEM";
    private static final String CLUSDB = "NODE1/Cluster/CLUSDB";
    private static final String CPT = "Q/MSCS/2B9B5D5A-4C1D-4E52-9F0C-7D1E8A6B0022/00000002.CPT";
    private static final String PRIV = "D/exchsrvr/MDBDATA/PRIV.EDB";

    /** Inputs for both targets (the output choice is the last byte and differs per target). */
    static List<FuzzBytes.Seed> seeds() {
        List<FuzzBytes.Seed> s = new ArrayList<>();
        // no damage, discovery with the scenario's options: the three folders as they are
        for (int t = 0; t < TEMPLATES.size(); t++) {
            s.add(seed(t).u8(0).u8(0, 0, 0));
        }
        // the SYSTEM hive truncated inside its bins, found by discovery
        s.add(seed(0).u8(1).u8(index(0, SYSTEM), 2).u32(5000).u8(0, 0, 0));
        // the cluster hive's root cell offset overwritten, checksum fixed, named by --cluster
        s.add(seed(0).u8(1).u8(index(0, CLUSDB), 1, 0).u32(36).u8(1).u32(0x7FFFFFF8L).u8(1).u8(1, 0, 0));
        // a checkpoint emptied and the database header overwritten (ESE checksum fixed), --restore-type auto
        s.add(seed(0).u8(2).u8(index(0, CPT), 3).u8(index(0, PRIV), 0, 2).u32(48).u8(0xFF).u32(60).u8(0x7F)
                .u32(300).u8(0x10).u8(1).u8(0, 1, 0));
        // the online folder: a log replaced by the SYSTEM hive, the edb.chk truncated, explicit options
        s.add(seed(1).u8(2).u8(index(1, "F/exchsrvr/MDBDATA/Edb00011.log"), 5, index(1, SYSTEM))
                .u8(index(1, "D/exchsrvr/MDBDATA/edb.chk"), 2).u32(700).u8(1, 2, 0));
        // the eseutil /ml dump replaced by other text, a new odd-named file beside the logs
        s.add(seed(1).u8(2).u8(index(1, "F/exchsrvr/MDBDATA/eseutil-ml.txt"), 4)
                .text("Extensible Storage Engine Utilities\r\nInitiating FILE DUMP mode...\r\n      Log file: x\r\n")
                .u8(index(1, "F/exchsrvr/MDBDATA/Edb00010.log"), 8).text("new\u0001log\u00e9").u8(1)
                .bytes(EseBuilder.Log.current().bytes()).u8(0, 0, 0));
        // the dirty SYSTEM's log overwritten inside its first entry, and deleted SOFTWARE
        s.add(seed(2).u8(2).u8(index(2, SYSTEM + ".LOG1"), 0, 3).u32(520).u8(0).u32(530).u8(0xFF).u32(4100).u8(1)
                .u32(4200).u8(2).u8(0).u8(index(2, "NODE1/system32/config/SOFTWARE"), 6).u8(0, 3, 0, 0));
        return s;
    }

    static Stream<byte[]> checkSeeds() {
        List<byte[]> out = new ArrayList<>();
        List<FuzzBytes.Seed> s = seeds();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.get(i).u8(i % 4, i % 3).build());
        }
        return out.stream();
    }

    /** Four of the seeds (a workbook each costs a few hundred milliseconds): intact, damaged, odd name, dirty. */
    static Stream<byte[]> workbookSeeds() {
        List<byte[]> out = new ArrayList<>();
        List<FuzzBytes.Seed> s = seeds();
        for (int i : new int[] {0, 3, 7, 8}) {
            out.add(s.get(i).u8(i % 2, 0).build());
        }
        return out.stream();
    }

    // ------------------------------------------------------------------ targets

    /** check with text, JSONL (stdout or file) or CSV output. */
    @MethodSource("checkSeeds")
    @FuzzTest(maxDuration = "5m")
    void checkEvidence(byte[] data) throws IOException {
        run(new FuzzBytes(data), false);
    }

    /** check -o report.xlsx: the workbook opens, has its eight sheets, and its Evidence rows are the files. */
    @MethodSource("workbookSeeds")
    @FuzzTest(maxDuration = "5m")
    void checkWorkbook(byte[] data) throws IOException {
        run(new FuzzBytes(data), true);
    }

    // ------------------------------------------------------------------ one input

    private static void run(FuzzBytes in, boolean workbook) throws IOException {
        Folder f = FOLDERS.get(in.pick(FOLDERS.size()));
        f.restore();
        Map<String, byte[]> files = new TreeMap<>(f.template.files());
        int mutations = in.pick(4);
        for (int i = 0; i < mutations; i++) {
            mutate(in, f, files);
        }
        for (String n : f.touched) {
            byte[] b = files.get(n);
            if (b != null) {
                Files.write(f.root.resolve(n), b);
            } else {
                Files.deleteIfExists(f.root.resolve(n));
            }
        }
        Map<String, String> before = EvidenceState.of(f.root);
        if (!EvidenceState.files(f.root).equals(files.keySet())) {
            throw new IllegalStateException("harness: the folder's files are not " + files.keySet());
        }

        int mode = in.pick(3);
        List<String> args = new ArrayList<>(List.of("check"));
        if (mode != 1) {
            args.add(f.root.toString());
        }
        if (mode != 0) {
            explicit(in, f, mode == 2, args);
        }
        switch (in.pick(4)) {
            case 0 -> args.addAll(f.template.options());
            case 1 -> {
            }
            case 2 -> {
                args.addAll(f.template.options());
                args.add("--roll-forward");
            }
            default -> {
                // another restore type (an option given twice is a usage error, not what is fuzzed here)
                List<String> o = new ArrayList<>(f.template.options());
                int i = o.indexOf("--restore-type");
                if (i >= 0) {
                    o.subList(i, i + 2).clear();
                }
                args.addAll(o);
                args.addAll(List.of("--restore-type", in.bool() ? "online" : "auto"));
            }
        }
        String failOn = List.of("", "crit", "warn", "never").get(in.pick(4));
        if (!failOn.isEmpty()) {
            args.addAll(List.of("--fail-on", failOn));
        }
        Path outDir = DIR.resolve("out");
        Path out = null;
        boolean jsonlStdout = false;
        if (workbook) {
            out = outDir.resolve("report.xlsx");
            args.addAll(List.of("-o", out.toString()));
            if (in.bool()) {
                args.add("--deterministic");
            }
        } else {
            switch (in.pick(4)) {
                case 1 -> {
                    args.addAll(List.of("--format", "jsonl"));
                    jsonlStdout = true;
                }
                case 2 -> out = outDir.resolve("report.jsonl");
                case 3 -> out = outDir.resolve("report.csv");
                default -> {
                }
            }
            if (out != null) {
                args.addAll(List.of("-o", out.toString()));
            }
        }
        String[] argv = args.toArray(String[]::new);
        String cmd = String.join(" ", argv);
        try {
            CommandContract.Outcome o = CommandContract.check(argv);
            if (o.exit() != 2 && !o.err().isEmpty()) {
                throw new AssertionError(cmd + ": exit " + o.exit() + " with stderr:\n" + o.err());
            }
            if (o.exit() == 1 && failOn.equals("never")) {
                throw new AssertionError(cmd + ": exit 1 with --fail-on never");
            }
            EvidenceState.same(before, EvidenceState.of(f.root), cmd);
            if (o.exit() != 2) {
                if (jsonlStdout) {
                    jsonl(o.out(), cmd);
                }
                if (out != null) {
                    String name = out.getFileName().toString();
                    if (name.endsWith(".jsonl")) {
                        jsonl(Files.readString(out), cmd);
                    } else if (name.endsWith(".csv")) {
                        csv(out, cmd);
                    } else {
                        workbook(out, folders(f.root, argv), mode == 0 ? EvidenceState.files(f.root) : null, cmd);
                    }
                }
            }
            try (Stream<Path> left = Files.list(outDir)) {
                Path written = out;
                List<Path> l = left.filter(p -> !p.equals(written)).toList();
                if (!l.isEmpty()) {
                    throw new AssertionError(cmd + ": files left in the output folder: " + l);
                }
            }
        } finally {
            try (Stream<Path> left = Files.list(outDir)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One change to one file of the folder (or a new file beside it). */
    private static void mutate(FuzzBytes in, Folder f, Map<String, byte[]> files) {
        String name = f.names.get(in.pick(f.names.size()));
        byte[] b = files.get(name);
        int op = in.pick(9);
        if (b == null && op != 4 && op != 5) {
            return; // deleted by an earlier change
        }
        switch (op) {
            case 0, 1 -> {
                if (b.length < 4) {
                    return;
                }
                b = b.clone();
                ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                int n = 1 + in.pick(8);
                int last = 0;
                for (int i = 0; i < n; i++) {
                    int pos = in.below(b.length - 3);
                    if (op == 0) {
                        b[pos] = (byte) in.u8();
                    } else {
                        pos &= ~3;
                        bb.putInt(pos, in.bool() ? in.u32() : SPECIAL[in.pick(SPECIAL.length)]);
                    }
                    last = pos;
                }
                if (in.bool()) {
                    fixChecksum(b, last);
                }
            }
            case 2 -> b = java.util.Arrays.copyOf(b, in.below(b.length + 1));
            case 3 -> b = new byte[0];
            case 4 -> b = in.bytes(16384);
            case 5 -> {
                byte[] other = f.template.files().get(f.names.get(in.pick(f.names.size())));
                b = other.clone();
            }
            case 6 -> b = null;
            case 7 -> {
                byte[] tail = in.bytes(4096);
                byte[] c = java.util.Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, c, b.length, tail.length);
                b = c;
            }
            default -> {
                // a new file beside this one, under a fuzzed name
                String leaf = leafName(in.text(240));
                byte[] content = in.bool() ? in.bytes(8192) : f.template.files().get(f.names.get(in.pick(f.names.size())));
                int slash = name.lastIndexOf('/');
                String added = (slash < 0 ? "" : name.substring(0, slash + 1)) + leaf;
                try {
                    f.root.resolve(added);
                } catch (InvalidPathException e) {
                    return;
                }
                if (leaf.isEmpty() || files.containsKey(added) || f.template.files().containsKey(added)
                        || f.names.stream().anyMatch(x -> x.startsWith(added + "/"))) {
                    return;
                }
                files.put(added, content);
                f.touched.add(added);
                return;
            }
        }
        if (b == null) {
            files.remove(name);
        } else {
            files.put(name, b);
        }
        f.touched.add(name);
    }

    /** A file name from fuzzed text: no separator, no NUL, not "." or "..", at most 80 characters (240 bytes). */
    static String leafName(String s) {
        String n = s.replace('/', '_').replace('\0', '_');
        if (n.length() > 80) {
            n = n.substring(0, 80);
        }
        if (Character.isHighSurrogate(n.isEmpty() ? 'x' : n.charAt(n.length() - 1))) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") || n.equals("..") ? "dot" + n : n;
    }

    /** The hive base block checksum, or the ESE header page checksum of the page that holds {@code pos}. */
    static void fixChecksum(byte[] b, int pos) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length >= 512 && bb.getInt(0) == 0x66676572) {
            bb.putInt(508, (int) HiveBuilder.checksumOf(b));
        } else if (b.length >= 8192 && bb.getInt(4) == 0x89ABCDEF) {
            int page = pos < 4096 ? 0 : 4096;
            bb.putInt(page, EseBuilder.checksum(b, page, 4096));
        }
    }

    /** Options naming files explicitly (by their role in the template), or, when {@code confused}, by any file. */
    private static void explicit(FuzzBytes in, Folder f, boolean confused, List<String> args) {
        Path r = f.root;
        if (confused) {
            String[] opts = {"--system", "--software", "--cluster", "--checkpoint", "--store", "--eseutil-dump", "--logs"};
            Set<String> single = new HashSet<>(); // given twice, these are a usage error (not what is fuzzed here)
            int n = 1 + in.pick(3);
            for (int i = 0; i < n; i++) {
                String o = opts[in.pick(opts.length)];
                if ((o.equals("--system") || o.equals("--software") || o.equals("--logs")) && !single.add(o)) {
                    continue;
                }
                String target = f.names.get(in.pick(f.names.size()));
                Path p = r.resolve(target);
                if (o.equals("--logs") || (o.equals("--checkpoint") && in.bool())) {
                    p = p.getParent();
                }
                args.addAll(List.of(o, p.toString()));
            }
            return;
        }
        Set<Path> dirs = new LinkedHashSet<>();
        Path logs = null;
        for (String n : f.names) {
            Path p = r.resolve(n);
            String leaf = p.getFileName().toString();
            if (leaf.equals("SYSTEM")) {
                args.addAll(List.of("--system", p.toString()));
            } else if (leaf.equals("SOFTWARE")) {
                args.addAll(List.of("--software", p.toString()));
            } else if (leaf.equals("CLUSDB")) {
                args.addAll(List.of("--cluster", p.toString()));
            } else if (n.startsWith("Q/MSCS/")) {
                dirs.add(r.resolve("Q/MSCS"));
            } else if (leaf.endsWith(".txt")) {
                args.addAll(List.of("--eseutil-dump", p.toString()));
            } else if (n.startsWith(f.template.logFolder() + "/") && leaf.toLowerCase(java.util.Locale.ROOT)
                    .endsWith(".log")) {
                logs = p.getParent();
            } else if (!leaf.endsWith(".LOG1")) {
                args.addAll(List.of("--store", p.toString()));
            }
        }
        for (Path d : dirs) {
            args.addAll(List.of("--checkpoint", d.toString()));
        }
        if (logs != null) {
            args.addAll(List.of("--logs", logs.toString()));
        }
    }

    // ------------------------------------------------------------------ outputs

    private static void jsonl(String text, String cmd) {
        long n = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode j;
            try {
                j = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(cmd + ": not a JSON line: " + line, e);
            }
            for (String field : List.of("rule", "severity", "status")) {
                if (j.get(field) == null || j.get(field).asText().isEmpty()) {
                    throw new AssertionError(cmd + ": finding without " + field + ": " + line);
                }
            }
            n++;
        }
        if (n == 0) {
            throw new AssertionError(cmd + ": no findings at all");
        }
    }

    private static void csv(Path file, String cmd) throws IOException {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            if (!p.getHeaderNames().equals(FindingsWriter.COLUMNS)) {
                throw new AssertionError(cmd + ": CSV header " + p.getHeaderNames());
            }
            long n = 0;
            for (CSVRecord rec : p) {
                if (rec.size() != FindingsWriter.COLUMNS.size()) {
                    throw new AssertionError(cmd + ": CSV record " + rec.getRecordNumber() + " has " + rec.size()
                            + " fields");
                }
                n++;
            }
            if (n == 0) {
                throw new AssertionError(cmd + ": no findings in the CSV");
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new AssertionError(cmd + ": CSV does not parse: " + e, e);
        }
    }

    /** True when {@code name} (absolute, or below one of {@code folders}) is a regular file with this SHA-256. */
    private static boolean hashOf(String name, List<Path> folders, String sha) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try {
            if (Path.of(name).isAbsolute()) {
                candidates.add(Path.of(name));
            } else {
                folders.forEach(d -> candidates.add(d.resolve(name)));
            }
        } catch (InvalidPathException e) {
            return false;
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && sha.equals(Hashing.sha256(p))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SEVERITIES = Set.of("CRIT", "HIGH", "WARN", "INFO");
    private static final Set<String> STATUSES = Set.of("FAIL", "WARN", "PASS", "SKIPPED");

    /** The folders evidence names are relative to: the folder scanned, and every folder an option names. */
    private static List<Path> folders(Path root, String[] argv) {
        List<Path> out = new ArrayList<>(List.of(root));
        for (int i = 1; i + 1 < argv.length; i++) {
            if (argv[i].equals("--checkpoint") || argv[i].equals("--logs")) {
                out.add(Path.of(argv[i + 1]));
            }
        }
        return out;
    }

    /**
     * The workbook: its sheets, valid findings rows, and Evidence rows that are the files with their hashes
     * (by absolute name, or relative to one of {@code folders}); when {@code expected} is given, exactly those
     * names.
     */
    static void workbook(Path file, List<Path> folders, Set<String> expected, String cmd) throws IOException {
        try (XSSFWorkbook wb = WorkbookContract.open(file, cmd)) {
            WorkbookContract.sheets(wb, SHEETS, cmd);
            Sheet findings = wb.getSheet("Findings");
            var fc = ReportWorkbook.FINDING_COLUMNS;
            WorkbookContract.header(findings, fc, cmd);
            int sev = WorkbookContract.column(fc, "Severity");
            int st = WorkbookContract.column(fc, "Status");
            int rule = WorkbookContract.column(fc, "Rule");
            long rows = 0;
            for (Row row : findings) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                rows++;
                if (!SEVERITIES.contains(WorkbookContract.text(row, sev)) || !STATUSES.contains(WorkbookContract.text(row, st))
                        || !WorkbookContract.text(row, rule).matches("[A-Z]+-\\d\\d")) {
                    throw new AssertionError(cmd + ": Findings row " + row.getRowNum() + " is not a finding");
                }
            }
            if (rows == 0) {
                throw new AssertionError(cmd + ": no findings in the workbook");
            }
            WorkbookContract.header(wb.getSheet("Registry"), ReportWorkbook.REGISTRY_COLUMNS, cmd);
            WorkbookContract.header(wb.getSheet("Cluster"), ReportWorkbook.CLUSTER_COLUMNS, cmd);
            WorkbookContract.header(wb.getSheet("Log chain"), ReportWorkbook.LOG_COLUMNS, cmd);
            WorkbookContract.header(wb.getSheet("References"), ReportWorkbook.REFERENCE_COLUMNS, cmd);
            Sheet ev = wb.getSheet("Evidence");
            var ec = ReportWorkbook.EVIDENCE_COLUMNS;
            WorkbookContract.header(ev, ec, cmd);
            int name = WorkbookContract.column(ec, "File");
            int sha = WorkbookContract.column(ec, "SHA-256");
            Set<String> names = new HashSet<>();
            for (Row row : ev) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                String n = WorkbookContract.text(row, name);
                String h = WorkbookContract.text(row, sha);
                names.add(n);
                if (!h.isEmpty() && !hashOf(n, folders, h)) {
                    throw new AssertionError(cmd + ": Evidence row " + WorkbookContract.quote(n) + " hash " + h
                            + " is not the file's");
                }
            }
            if (expected != null && !names.equals(expected)) {
                throw new AssertionError(cmd + ": Evidence rows " + names + ", files " + expected);
            }
            // The Store sheet names each store file in its column headers.
            Row storeHeader = wb.getSheet("Store").getRow(0);
            for (int c = 1; storeHeader != null && c < storeHeader.getLastCellNum(); c += 2) {
                String h = WorkbookContract.text(storeHeader.getCell(c));
                if (names.stream().noneMatch(n -> h.startsWith(n + " ("))) {
                    throw new AssertionError(cmd + ": Store column " + WorkbookContract.quote(h)
                            + " names no evidence file");
                }
            }
        }
    }
}
