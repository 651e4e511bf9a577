package org.patchlens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.evidence.Classifier;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceScanner;
import org.patchlens.model.Source;

/**
 * IN-02 (exchange-restore.md 10.1): every file opens, is hashed and has its kind from its content, and that kind
 * agrees with the name ("a file named SYSTEM that is a cluster hive, priv.edb whose header says patch file"); FAIL
 * for an unreadable or empty file or a name the content contradicts; never SKIPPED.
 */
class In02FilesIdentifiedTest {
    private static final byte[] JUNK = "these are notes, not a copy of any evidence file\r\n".repeat(3)
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @TempDir
    Path other;

    /** Hives (SYSTEM, SOFTWARE, CLUSDB), one .CPT per RegSync entry, and the databases. */
    private static int filesOf(RestoreScenario s) {
        return 3 + s.regSync().size() + s.databases.size();
    }

    private static String fileSource(String name) {
        return name + " : file";
    }

    @Test
    void passesWhenEveryFileIsIdentified() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        Finding f = RegEvidence.only(EngineRun.of(s, dir), Rule.IN_02);
        assertEquals(Status.PASS, f.status());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("every input", f.object());
        assertEquals("readable, hashed, kind from content", f.expected());
        assertEquals(15, filesOf(s));
        assertEquals("15 files identified", f.actual());
        assertEquals(Source.NONE, f.actualSource());
        assertEquals("", f.remedy());
    }

    @Test
    void ignoresAnUnrelatedFileWhoseNameClaimsNothing() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        Finding f = RegEvidence.only(RegEvidence.run(s, dir, d -> RegEvidence.put(d, "notes.txt", JUNK)),
                Rule.IN_02);
        assertEquals(Status.PASS, f.status());
        assertEquals(filesOf(s) + " files identified", f.actual(), "notes.txt is not evidence and not counted");
    }

    @Test
    void isNeverSkippedEvenWithoutAnyEvidence() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.scan(dir, CheckOptions.NONE), Rule.IN_02);
        assertEquals(Status.PASS, f.status());
        assertEquals("0 files identified", f.actual());
    }

    @Test
    void failsEveryFileWhoseNamePromisesEvidenceItDoesNotHold() throws Exception {
        // file name -> the kind the name promises (EvidenceKind labels)
        Map<String, String> named = new TreeMap<>(Map.ofEntries(Map.entry("SYSTEM", "SYSTEM hive"),
                Map.entry("system.alt", "SYSTEM hive"), Map.entry("SYSTEM.SAV", "SYSTEM hive"),
                Map.entry("SOFTWARE", "SOFTWARE hive"), Map.entry("CLUSDB", "cluster hive"),
                Map.entry("chk0001A.tmp", "cluster hive"), Map.entry("00000001.CPT", "registry checkpoint (.CPT hive)"),
                Map.entry("backup.edb", "ESE database"), Map.entry("PRIV.PAT", "ESE patch file"),
                Map.entry("edb.chk", "ESE checkpoint file"), Map.entry("Edb0001F.log", "ESE log file"),
                Map.entry("edb.log", "ESE log file"), Map.entry("res2.log", "ESE log file"),
                Map.entry("E00.log", "ESE log file"), Map.entry("E0000000001.log", "ESE log file"),
                Map.entry("e010002A.log", "ESE log file"), Map.entry("E00tmp.log", "ESE log file"),
                Map.entry("E00res00001.jrs", "ESE log file")));
        List<String> claimNothing = List.of("SYSTEM.LOG", "notes.txt", "chkxyz.tmp", "Edb0001G.log", "res3.log",
                "software.old", "E0.log", "E000.log", "Ex0.log", "error.log", "E00res1.jrs");
        EngineRun r = RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> {
            for (String n : named.keySet()) {
                RegEvidence.put(d, "junk/" + n, JUNK);
            }
            for (String n : claimNothing) {
                RegEvidence.put(d, "junk/" + n, JUNK);
            }
        });
        List<Finding> f = r.of(Rule.IN_02);
        List<String> objects = new ArrayList<>();
        f.forEach(x -> objects.add(x.object()));
        assertEquals(named.keySet().stream().map(n -> "junk/" + n).sorted().toList(),
                objects.stream().sorted().toList());
        for (Finding x : f) {
            String name = x.object();
            String label = named.get(name.substring("junk/".length()));
            assertEquals(Status.FAIL, x.status(), name);
            assertEquals("a " + label + " (by its name)", x.expected(), name);
            assertEquals(fileSource(name), x.expectedSource().toString());
            assertEquals(Classifier.classify(dir.resolve(name)).detail(), x.actual(), "what the content is");
            assertEquals(fileSource(name), x.actualSource().toString());
            assertEquals("Re-copy " + name + " with a byte-exact copy: its content is not a " + label + ".",
                    x.remedy());
        }
    }

    /**
     * A tree deeper than the walk goes: DIR is level 0, so the file in {@code d1/.../d31} (level 32) is looked at,
     * while {@code d1/.../d32} (a folder at level 32) is not opened and the SYSTEM copy in it (level 33) never seen.
     * The cut is a WARN naming the folder and the limit (with how many other folders at that level), not silence.
     */
    @Test
    void warnsOfTheFolderTheWalkDidNotOpenAtTheDepthLimit() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        String level31 = String.join("/", java.util.stream.IntStream.rangeClosed(1, 31).mapToObj(i -> "d" + i).toList());
        EngineRun r = RegEvidence.run(s, dir, d -> {
            RegEvidence.put(d, level31 + "/SYSTEM", Files.readAllBytes(d.resolve(RegEvidence.CLUSDB)));
            RegEvidence.put(d, level31 + "/d32/SYSTEM", Files.readAllBytes(d.resolve(RegEvidence.CLUSDB)));
            RegEvidence.put(d, level31 + "/e32/notes.txt", JUNK);
        });
        List<Finding> f = r.of(Rule.IN_02);
        assertEquals(List.of(level31 + "/SYSTEM", level31 + "/d32"), f.stream().map(Finding::object).toList(),
                "the file at level 32 is seen (its name and content disagree), the one at level 33 is not");
        Finding cut = f.get(1);
        assertEquals(Status.WARN, cut.status());
        assertEquals(Severity.WARN, cut.severity());
        assertEquals("every file of the folder looked at", cut.expected());
        Path deep = dir.resolve(level31 + "/d32");
        assertEquals(deep + ": folder not opened: it is 32 levels below " + dir + " (level 0), and the walk opens "
                + "folders down to level 31; nor was 1 other folder at that level; the files in it were not looked "
                + "at: give it as a folder of its own", cut.actual());
        assertEquals("Check what the walk left out on its own: the folder " + deep + " (patchlens check FOLDER), or, "
                + "past the file limit, its subfolders one at a time; or name the evidence files by option (--system, "
                + "--cluster, --store, --logs). This check did not see them.", cut.remedy());
    }

    @Test
    void failsASystemNamedFileHoldingAClusterHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "copy/SYSTEM", Files.readAllBytes(d.resolve(RegEvidence.CLUSDB)))), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("copy/SYSTEM", f.object());
        assertEquals("content matching the name (SYSTEM hive)", f.expected());
        assertEquals(fileSource("copy/SYSTEM"), f.expectedSource().toString());
        assertEquals("cluster hive (keys Groups and Resources)", f.actual());
        assertEquals(fileSource("copy/SYSTEM"), f.actualSource().toString());
        assertEquals("Re-copy copy/SYSTEM with a byte-exact copy; the content is a cluster hive, not a SYSTEM hive.",
                f.remedy());
    }

    @Test
    void failsAPrivEdbWhoseHeaderSaysPatchFile() throws Exception {
        RestoreScenario.onlineBase().write(other);
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "copy/priv.edb", Files.readAllBytes(other.resolve("F/exchsrvr/MDBDATA/PRIV.pat")))), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("copy/priv.edb", f.object());
        assertEquals("content matching the name (ESE database)", f.expected());
        assertEquals("ESE patch file (ESE patch file header)", f.actual());
        assertEquals("Re-copy copy/priv.edb with a byte-exact copy; the content is a ESE patch file, not a ESE "
                + "database.", f.remedy());
    }

    @Test
    void acceptsACheckpointFileOutsideItsResourceFolderAsASavedSubtree() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        String cpt = "Q/MSCS/" + RestoreScenario.SA + "/00000001.CPT";
        EngineRun r = RegEvidence.run(s, dir, d -> RegEvidence.put(d, "loose/00000001.CPT",
                Files.readAllBytes(d.resolve(cpt))));
        assertEquals("registry hive", kindOf(r, "loose/00000001.CPT"), "not in a GUID folder");
        Finding f = RegEvidence.only(r, Rule.IN_02);
        assertEquals(Status.PASS, f.status());
        assertEquals((filesOf(s) + 1) + " files identified", f.actual());
    }

    @Test
    void failsACheckpointNamedFileHoldingASystemHive() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "loose/00000002.CPT", Files.readAllBytes(d.resolve(RegEvidence.SYSTEM)))), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("content matching the name (registry checkpoint (.CPT hive))", f.expected());
        assertEquals("SYSTEM hive (keys Select and ControlSetNNN)", f.actual());
    }

    @Test
    void failsASoftwareNamedFileHoldingSomeOtherHive() throws Exception {
        String cpt = "Q/MSCS/" + RestoreScenario.SA + "/00000001.CPT";
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "copy/SOFTWARE", Files.readAllBytes(d.resolve(cpt)))), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("content matching the name (SOFTWARE hive)", f.expected());
        assertEquals("registry hive (root key Parameters)", f.actual(), "the checkpoint of ...\\Parameters");
    }

    @Test
    void failsAnEmptyFileWhateverItsName() throws Exception {
        Finding f = RegEvidence.only(RegEvidence.run(RestoreScenario.offlineBase(), dir, d -> RegEvidence.put(d,
                "empty.dat", new byte[0])), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("empty.dat", f.object());
        assertEquals("a readable evidence file", f.expected());
        assertEquals(Source.NONE, f.expectedSource());
        assertEquals("unreadable: empty file", f.actual());
        assertEquals(fileSource("empty.dat"), f.actualSource().toString());
        assertEquals("Re-copy empty.dat with a byte-exact copy.", f.remedy());
    }

    @Test
    void failsAFileNamedByAnOptionThatIsNoEvidence() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        Path junk = Files.write(other.resolve("priv-copy.bin"), JUNK);
        List<Evidence> ev = new ArrayList<>(EvidenceScanner.scan(dir));
        ev.add(EvidenceScanner.examine(junk, "priv-copy.bin", true));
        CheckContext c = new CheckContext(ev, s.checkOptions());
        Finding f = RegEvidence.only(new EngineRun(c, RuleEngine.run(c).findings()), Rule.IN_02);
        assertEquals(Status.FAIL, f.status());
        assertEquals("priv-copy.bin", f.object());
        assertEquals("a hive, an ESE header or eseutil output (named by an option)", f.expected());
        assertEquals(Classifier.classify(junk).detail(), f.actual());
        assertEquals("Check the option: priv-copy.bin is none of the evidence patchlens reads.", f.remedy());
    }

    /** The kind label the scan gave a file. */
    private static String kindOf(EngineRun r, String name) {
        return r.context().evidence().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().kind()
                .label();
    }

    /**
     * A file identified by its content that can no longer be read when the checks read it (here: replaced by
     * notes between the scan and the check, as a file changing under a copy would be): the rules that needed it
     * went without it, so IN-02 says which file and why, rather than letting it vanish.
     */
    @Test
    void failsAFileIdentifiedAsEvidenceThatCannotBeReadWhenTheChecksReadIt() throws Exception {
        RestoreScenario s = RestoreScenario.offlineBase();
        s.write(dir);
        List<Evidence> scanned = EvidenceScanner.scan(dir);
        Evidence system = scanned.stream().filter(e -> e.kind() == org.patchlens.evidence.EvidenceKind.SYSTEM_HIVE)
                .findFirst().orElseThrow();
        Evidence priv = scanned.stream().filter(e -> e.kind() == org.patchlens.evidence.EvidenceKind.ESE_DATABASE)
                .findFirst().orElseThrow();
        Files.write(system.path(), JUNK);
        Files.write(priv.path(), JUNK);
        CheckContext c = new CheckContext(scanned, s.checkOptions());
        List<Finding> f = RuleEngine.run(c).findings().stream().filter(x -> x.rule() == Rule.IN_02).toList();
        // one finding for each, in the order of the evidence list
        assertEquals(scanned.stream().filter(e -> e == system || e == priv).map(Evidence::name).toList(),
                f.stream().map(Finding::object).toList());
        for (Finding x : f) {
            assertEquals(Status.FAIL, x.status());
            org.junit.jupiter.api.Assertions.assertTrue(x.actual().startsWith("unreadable when read for the checks: "),
                    x.actual());
            assertEquals(fileSource(x.object()), x.actualSource().toString());
            assertEquals("Re-copy " + x.object() + " with a byte-exact copy, and keep it unchanged while patchlens "
                    + "reads it.", x.remedy());
        }
        Finding sys = f.stream().filter(x -> x.object().equals(system.name())).findFirst().orElseThrow();
        Finding db = f.stream().filter(x -> x.object().equals(priv.name())).findFirst().orElseThrow();
        assertEquals("a readable SYSTEM hive", sys.expected());
        assertEquals("a readable ESE database", db.expected());
        org.junit.jupiter.api.Assertions.assertTrue(sys.actual().contains(system.path().toString()),
                "the reader's one line names the file: " + sys.actual());
        org.junit.jupiter.api.Assertions.assertTrue(c.system().isEmpty(), "the SYSTEM hive went missing from the checks");
        assertEquals(s.databases.size() - 1, c.store().databases().size(), "PRIV.EDB went missing from the store");
    }
}
