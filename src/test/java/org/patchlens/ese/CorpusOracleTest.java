package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchlens.testing.Corpus;

/**
 * Every file of ../shared/corpus/ese against its oracles (contract: corpus/ese/README.md):
 * each line of {@code F.header.txt} is compared with what the reader decoded, and where
 * esedbinfo read the file, its created/current format and page size.
 */
class CorpusOracleTest {
    /** Oracle keys that are not reader output, with the reason. */
    private static final Set<String> NOT_COMPARED = Set.of(
            "checksum computed over 4..4096", // a second range for comparison; the reader uses the page size
            "checksum computed over 4..668 (short range, for comparison only)", // esedbinfo's wrong range
            "file size"); // the size of the file on disk, not a header field (compared for logs below)

    static List<Path> files() throws IOException {
        Path root = Corpus.root().orElseThrow().resolve("ese");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !n.endsWith(".txt") && !n.endsWith(".err") && !n.equals("README.md");
            }).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyCorpusEseFileMatchesItsOracle() throws Exception {
        assumeTrue(Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("ese")),
                "no ../shared/corpus/ese");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files()) {
            tests.add(DynamicTest.dynamicTest(Corpus.root().get().relativize(f).toString(), () -> check(f)));
        }
        assertTrue(tests.size() >= 20, "corpus has " + tests.size() + " ESE files");
        return tests;
    }

    static Map<String, String> oracle(Path f) throws IOException {
        Path o = Corpus.sibling(f, ".header.txt").orElseThrow(() -> new AssertionError("no .header.txt for " + f));
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Corpus.read(o).lines().toList()) {
            int i = line.indexOf(" = ");
            if (i > 0) {
                m.put(line.substring(0, i), line.substring(i + 3));
            }
        }
        return m;
    }

    private static void check(Path f) throws Exception {
        Map<String, String> want = oracle(f);
        if (want.containsKey("error")) {
            EseException e = assertThrows(EseException.class, () -> EseFile.open(f));
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(e.getMessage().startsWith(f.toString()));
            return;
        }
        String kind = want.get("decoder kind");
        EseHeader h;
        try {
            h = EseFile.open(f);
        } catch (EseException e) {
            // Only a header the oracle itself finds invalid may be refused (the all-zero reserve log).
            assertEquals("NO", want.get("checksum matches"), "refused a valid file: " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            return;
        }
        assertEquals(kind, h.kind().name().toLowerCase(), "kind");
        Map<String, String> got;
        if (h instanceof DatabaseHeader d) {
            got = database(d, want);
        } else if (h instanceof CheckpointHeader c) {
            got = checkpoint(c);
        } else if (h instanceof LogHeader l) {
            got = log(l);
        } else {
            got = patch((PatchHeader) h);
        }
        got.put("file", f.getFileName().toString());
        got.put("decoder kind", kind);
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : want.entrySet()) {
            String k = e.getKey();
            if (NOT_COMPARED.contains(k) && !(h instanceof LogHeader && k.equals("file size"))) {
                continue;
            }
            if (!got.containsKey(k)) {
                bad.add("no reader value for oracle key '" + k + "'");
            } else if (!got.get(k).equals(e.getValue())) {
                bad.add(k + ": oracle " + e.getValue() + " | reader " + got.get(k));
            }
        }
        assertTrue(bad.isEmpty(), f + "\n" + String.join("\n", bad));
        esedbinfo(f, h);
    }

    /** esedbinfo's "Created in format", "Current format" and "Page size", where it read the file. */
    private static void esedbinfo(Path f, EseHeader h) throws IOException {
        Optional<Path> info = Corpus.sibling(f, ".esedbinfo.txt");
        if (info.isEmpty()) {
            return;
        }
        DatabaseHeader d = (DatabaseHeader) h;
        String text = Corpus.read(info.get());
        assertEquals(String.format("0x%x,%d", d.ese98().createVersion(), d.ese98().createRevision()),
                field(text, "Created in format"));
        assertEquals(String.format("0x%x,%d", d.formatVersion(), d.formatRevision()), field(text, "Current format"));
        assertEquals(d.pageSize() + " bytes", field(text, "Page size"));
        assertTrue(d.verification().primary().valid(), "header checksum verifies");
    }

    private static String field(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":\\s*(.*?)\\s*$").matcher(text);
        if (!m.find()) {
            fail("esedbinfo output has no " + label);
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------ rendering in the oracle's format

    static String pos(LogPosition p) {
        return p + " generation=" + Integer.toUnsignedLong(p.generation()) + " sector=" + p.sector() + " offset="
                + p.offset();
    }

    static String bk(BackupInfo b) {
        return "mark=" + pos(b.mark()) + " time=" + b.markTime() + " genLow=" + b.genLow() + " genHigh=" + b.genHigh();
    }

    static String x8(long v) {
        return String.format("0x%08X", v);
    }

    static String ft(long t) {
        String[] n = {"Unknown", "Database", "StreamingFile", "Log", "Checkpoint", "TempDatabase"};
        return t + " (" + (t >= 0 && t < n.length ? n[(int) t] : "?") + ")";
    }

    static void copies(Map<String, String> m, Verification v) {
        m.put("checksum stored", x8(v.primary().stored()));
        m.put("checksum computed over 4..page size (" + v.pageSize() + ")", x8(v.primary().computed()));
        m.put("checksum computed over 4..page size", x8(v.primary().computed()));
        m.put("shadow header offset", Long.toString(v.shadow().offset()));
        m.put("shadow checksum stored", x8(v.shadow().stored()));
        m.put("shadow checksum computed", x8(v.shadow().computed()));
        m.put("shadow header identical to primary", v.identical() ? "yes" : "no");
    }

    static void dbms(Map<String, String> m, DbmsParams d) {
        m.put("dbms system path", "\"" + d.systemPath() + "\"");
        m.put("dbms log path", "\"" + d.logFilePath() + "\"");
        m.put("dbms flags", String.format("0x%02X", d.flags()));
        m.put("dbms sessions/openTables/verPages/cursors/logBuffers", d.sessionsMax() + "/" + d.openTablesMax() + "/"
                + d.verPagesMax() + "/" + d.cursorsMax() + "/" + d.logBuffers());
        m.put("dbms log file sectors (lcsecLGFile)", Long.toString(d.logFileSectors()));
        m.put("dbms cache size max", Long.toString(d.cacheSizeMax()));
    }

    static Map<String, String> database(DatabaseHeader h, Map<String, String> want) {
        Map<String, String> m = new LinkedHashMap<>();
        Verification v = h.verification();
        copies(m, v);
        m.put("checksum matches", v.primary().valid() ? want.getOrDefault("checksum matches", "page size") : "NO");
        if (v.primary().valid()) {
            assertTrue(want.get("checksum matches").startsWith("page size"));
        }
        m.put("magic", x8(h.magic()));
        m.put("format version", String.format("0x%X", h.formatVersion()));
        m.put("format revision", String.format("0x%X (%d)", h.formatRevision(), h.formatRevision()));
        m.put("format update minor", Long.toString(h.formatUpdateMinor()));
        m.put("creation format version", String.format("0x%X", h.ese98().createVersion()));
        m.put("creation format revision", String.format("0x%X (%d)", h.ese98().createRevision(), h.ese98().createRevision()));
        m.put("file type", ft(h.fileType()));
        m.put("attributes", x8(h.attrib()));
        m.put("database state", h.state() + " (" + DatabaseHeader.stateConstant(h.state()) + ")");
        m.put("page size raw", Long.toString(h.pageSizeRaw()));
        m.put("page size", Integer.toString(h.pageSize()));
        m.put("dbtime", String.format("0x%X (%d)", h.dbtime(), h.dbtime()));
        m.put("database signature", h.dbSignature().toString());
        m.put("log signature", h.logSignature().toString());
        m.put("consistent position", pos(h.consistentPosition()));
        m.put("consistent time", h.consistentTime().toString());
        m.put("attach time", h.attachTime().toString());
        m.put("attach position", pos(h.attachPosition()));
        m.put("detach time", h.detachTime().toString());
        m.put("detach position", pos(h.detachPosition()));
        m.put("dbid", Long.toString(h.dbid()));
        m.put("backup full previous", bk(h.fullPrevious()));
        m.put("backup incremental previous", bk(h.incrementalPrevious()));
        m.put("backup full current", bk(h.fullCurrent()));
        m.put("backup snapshot current", bk(h.ese98().snapshotCurrent()));
        m.put("backup copy previous", bk(h.current().copyPrevious()));
        m.put("backup differential previous", bk(h.current().differentialPrevious()));
        m.put("database flags", x8(h.dbFlags()));
        m.put("objid last", Long.toString(h.objidLast()));
        m.put("OS version", h.osMajor() + "." + h.osMinor() + " build " + h.osBuild() + " SP " + h.osServicePack());
        m.put("repair count", Long.toString(h.repairCount()));
        m.put("repair time", h.repairTime().toString());
        m.put("scrub dbtime", Long.toString(h.ese98().scrubDbtime()));
        m.put("scrub time", h.ese98().scrubTime().toString());
        m.put("log required min (genMinRequired)", Integer.toString(h.genMinRequired()));
        m.put("log required max (genMaxRequired)", Integer.toString(h.genMaxRequired()));
        m.put("log committed max (genMaxCommitted)", Integer.toString(h.genMaxCommitted()));
        m.put("log consistent min (genMinConsistent)", Integer.toString(h.current().genMinConsistent()));
        m.put("log genMax creation time", h.ese98().genMaxCreateTime().toString());
        m.put("upgrade 5.5 format pages", Integer.toString(h.ese98().cpgUpgrade55Format()));
        m.put("ECC fix success count", Long.toString(h.ecc().eccFixSuccess()));
        m.put("ECC fix fail count", Long.toString(h.ecc().eccFixFail()));
        m.put("bad checksum count", Long.toString(h.ecc().badChecksum()));
        m.put("shrink/extend/trim counts", h.current().shrinkCount() + "/" + h.current().extendCount() + "/"
                + h.current().trimCount());
        if (!v.identical() && want.containsKey("shadow differing byte offsets (first 16)")) {
            String first = want.get("shadow differing byte offsets (first 16)").split(",")[0].trim();
            assertTrue(v.differences().stream().anyMatch(d -> d.contains("@" + first)), v.differences().toString());
            m.put("shadow differing byte offsets (first 16)", want.get("shadow differing byte offsets (first 16)"));
        }
        if (v.used().equals("shadow")) {
            m.put("shadow database state", h.state() + " (" + DatabaseHeader.stateConstant(h.state()) + ")");
            assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("read from the good shadow copy")));
        }
        return m;
    }

    static Map<String, String> checkpoint(CheckpointHeader h) {
        Map<String, String> m = new LinkedHashMap<>();
        Verification v = h.verification();
        m.put("checksum stored", x8(v.primary().stored()));
        m.put("checksum computed over 4..4096", x8(v.primary().computed()));
        m.put("checksum matches", v.primary().valid() ? "yes" : "NO");
        m.put("shadow header offset", Long.toString(v.shadow().offset()));
        m.put("shadow checksum stored", x8(v.shadow().stored()));
        m.put("shadow checksum computed", x8(v.shadow().computed()));
        m.put("shadow header identical to primary", v.identical() ? "yes" : "no");
        m.put("file type", ft(h.fileType()));
        m.put("last full backup checkpoint", pos(h.lastFullBackupCheckpoint()));
        m.put("checkpoint position", pos(h.checkpoint()));
        m.put("checkpoint generation", Integer.toString(h.generation()));
        m.put("log signature", h.logSignature().toString());
        dbms(m, h.dbms());
        m.put("full backup position", pos(h.fullBackup()));
        m.put("full backup time", h.fullBackupTime().toString());
        m.put("incremental backup position", pos(h.incrementalBackup()));
        m.put("incremental backup time", h.incrementalBackupTime().toString());
        m.put("version flags", String.format("0x%02X", h.versionFlags()));
        m.put("db consistency position", pos(h.dbConsistency()));
        m.put("attach info", h.attachInfoPresent() ? "present (" + h.attachments().size() + ")"
                : "not present (version flags bit 0 clear)");
        return m;
    }

    static Map<String, String> log(LogHeader h) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("file size", Long.toString(h.fileSize()));
        m.put("checksum stored", x8(h.checksum()));
        m.put("checksum computed over 4..4096", x8(h.computedChecksum()));
        m.put("checksum matches", h.checksumValid() ? "yes" : "NO");
        m.put("file type", ft(h.fileType()));
        m.put("generation", h.generation() + String.format(" (0x%X)", h.generation()));
        m.put("sector size", Integer.toString(h.sectorSize()));
        m.put("header sectors", Integer.toString(h.headerSectors()));
        m.put("log file sectors", Integer.toString(h.fileSectors()));
        m.put("page size raw", Integer.toString(h.pageSizeRaw()));
        m.put("page size", Integer.toString(h.pageSize()));
        m.put("creation time", h.created().toString());
        m.put("previous generation time", h.previousGenerationCreated().toString());
        m.put("format version", h.version() + " (major.minor.updateMajor.updateMinor)");
        m.put("log signature", h.logSignature().toString());
        dbms(m, h.dbms());
        m.put("log flags", String.format("0x%02X (reserved=%d circularCurrent=%d circularHistory=%d)", h.logFlags(),
                h.reserveLogInUse() ? 1 : 0, h.circularLoggingCurrent() ? 1 : 0, h.circularLoggingHistory() ? 1 : 0));
        m.put("checkpoint at creation", pos(h.checkpointAtCreation()));
        m.put("disk sector size mismatch", Integer.toString(h.diskSectorSizeMismatch()));
        m.put("previous log checksum", String.format("0x%016X", h.previousLogChecksum()));
        m.put("engine format version diagnostic", Long.toString(h.engineFormatVersion()));
        int i = 0;
        for (AttachedDatabase a : h.attachments()) {
            String p = "attached db " + i++;
            m.put(p, String.format("dbid=%d flags=0x%02X dbtime=%d objidLast=%d cpgMax=%d", a.dbid(), a.flags(), a.dbtime(),
                    a.objidLast(), a.maxPages()));
            m.put(p + " name", a.path());
            m.put(p + " attach position", pos(a.lastAttach()));
            m.put(p + " consistent position", pos(a.lastConsistent()));
            m.put(p + " signature", a.signature().toString());
        }
        m.put("attached db count", Integer.toString(h.attachments().size()));
        return m;
    }

    static Map<String, String> patch(PatchHeader h) {
        Map<String, String> m = new LinkedHashMap<>();
        Verification v = h.verification();
        copies(m, v);
        m.put("page size (inferred from shadow copy)", Integer.toString(v.pageSize()));
        m.put("checksum matches", v.primary().valid() ? "yes" : "NO");
        m.put("page header bytes 4..8", x8(h.pgno()));
        m.put("page dbtime", Long.toString(h.dbtimeDirtied()));
        m.put("page flags", x8(h.pageFlags()));
        m.put("backup info", bk(h.backup()));
        m.put("database signature", h.dbSignature().toString());
        m.put("log signature", h.logSignature().toString());
        m.put("log required min (lgenMinReq)", Long.toString(h.genMinRequired()));
        m.put("log required max (lgenMaxReq)", Long.toString(h.genMaxRequired()));
        m.put("log committed max (lgenMaxCommitted)", Long.toString(h.genMaxCommitted()));
        m.put("genMaxRequired time", h.genMaxRequiredTime().toString());
        m.put("genMaxCommitted time", h.genMaxCommittedTime().toString());
        m.put("pages after header and shadow", Long.toString(h.pagesAfterHeader()));
        return m;
    }

    @Test
    void patchFileMatchesItsDatabase() throws Exception {
        assumeTrue(Corpus.root().isPresent() && Files.isDirectory(Corpus.root().get().resolve("ese")));
        Path dir = Corpus.root().get().resolve("ese/vista-windowsmail");
        PatchHeader p = EseFile.patch(dir.resolve("WindowsMail.pat"));
        DatabaseHeader d = EseFile.database(dir.resolve("WindowsMail.MSMessageStore"));
        assertTrue(p.dbSignature().sameAs(d.dbSignature()));
        assertTrue(p.logSignature().sameAs(d.logSignature()));
        assertFalse(d.onlineBackupCopy());
    }
}
