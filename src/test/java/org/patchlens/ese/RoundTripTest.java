package org.patchlens.ese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlens.ese.EseBuilder.Field;
import org.patchlens.ese.EseBuilder.T;

/** Every field the builder can write is read back exactly, for each header kind and layout. */
class RoundTripTest {

    // ------------------------------------------------------------------ accessors (record paths)

    static Map<String, Function<DatabaseHeader, Object>> dbAccessors() {
        Map<String, Function<DatabaseHeader, Object>> m = new HashMap<>();
        m.put("attrib", DatabaseHeader::attrib);
        m.put("dbtime", DatabaseHeader::dbtime);
        m.put("dbSignature", DatabaseHeader::dbSignature);
        m.put("state", DatabaseHeader::state);
        m.put("consistentPosition", DatabaseHeader::consistentPosition);
        m.put("consistentTime", DatabaseHeader::consistentTime);
        m.put("attachTime", DatabaseHeader::attachTime);
        m.put("attachPosition", DatabaseHeader::attachPosition);
        m.put("detachTime", DatabaseHeader::detachTime);
        m.put("detachPosition", DatabaseHeader::detachPosition);
        m.put("dbid", DatabaseHeader::dbid);
        m.put("logSignature", DatabaseHeader::logSignature);
        bk(m, "fullPrevious", DatabaseHeader::fullPrevious);
        bk(m, "incrementalPrevious", DatabaseHeader::incrementalPrevious);
        bk(m, "fullCurrent", DatabaseHeader::fullCurrent);
        m.put("dbFlags", DatabaseHeader::dbFlags);
        m.put("objidLast", DatabaseHeader::objidLast);
        m.put("osMajor", DatabaseHeader::osMajor);
        m.put("osMinor", DatabaseHeader::osMinor);
        m.put("osBuild", DatabaseHeader::osBuild);
        m.put("osServicePack", DatabaseHeader::osServicePack);
        m.put("repairCount", DatabaseHeader::repairCount);
        m.put("repairTime", DatabaseHeader::repairTime);
        m.put("slvSignature", h -> h.ese98().slvSignatureHex());
        m.put("scrubDbtime", h -> h.ese98().scrubDbtime());
        m.put("scrubTime", h -> h.ese98().scrubTime());
        m.put("genMinRequired", h -> h.ese98().genMinRequired());
        m.put("genMaxRequired", h -> h.ese98().genMaxRequired());
        m.put("cpgUpgrade55Format", h -> h.ese98().cpgUpgrade55Format());
        m.put("cpgUpgradeFreePages", h -> h.ese98().cpgUpgradeFreePages());
        m.put("cpgUpgradeSpaceMapPages", h -> h.ese98().cpgUpgradeSpaceMapPages());
        bk(m, "snapshotCurrent", h -> h.ese98().snapshotCurrent());
        m.put("createVersion", h -> h.ese98().createVersion());
        m.put("createRevision", h -> h.ese98().createRevision());
        m.put("genMaxCreateTime", h -> h.ese98().genMaxCreateTime());
        m.put("backupTypeFullPrevious", h -> h.fullPrevious().type());
        m.put("backupTypeIncrementalPrevious", h -> h.incrementalPrevious().type());
        m.put("repairCountOld", h -> h.ecc().repairCountOld());
        m.put("eccFixSuccess", h -> h.ecc().eccFixSuccess());
        m.put("eccFixSuccessTime", h -> h.ecc().eccFixSuccessTime());
        m.put("eccFixSuccessOld", h -> h.ecc().eccFixSuccessOld());
        m.put("eccFixFail", h -> h.ecc().eccFixFail());
        m.put("eccFixFailTime", h -> h.ecc().eccFixFailTime());
        m.put("eccFixFailOld", h -> h.ecc().eccFixFailOld());
        m.put("badChecksum", h -> h.ecc().badChecksum());
        m.put("badChecksumTime", h -> h.ecc().badChecksumTime());
        m.put("badChecksumOld", h -> h.ecc().badChecksumOld());
        m.put("genMaxCommitted", h -> h.current().genMaxCommitted());
        bk(m, "copyPrevious", h -> h.current().copyPrevious());
        bk(m, "differentialPrevious", h -> h.current().differentialPrevious());
        m.put("backupTypeCopyPrevious", h -> h.current().copyPrevious().type());
        m.put("backupTypeDifferentialPrevious", h -> h.current().differentialPrevious().type());
        m.put("reseedCount", h -> h.current().reseedCount());
        m.put("reseedTime", h -> h.current().reseedTime());
        m.put("reseedCountOld", h -> h.current().reseedCountOld());
        m.put("pagePatchCount", h -> h.current().pagePatchCount());
        m.put("pagePatchTime", h -> h.current().pagePatchTime());
        m.put("pagePatchCountOld", h -> h.current().pagePatchCountOld());
        m.put("sortVersionDefined", h -> h.current().sortVersionDefined());
        m.put("sortVersionNls", h -> h.current().sortVersionNls());
        m.put("dbscanPreviousFinish", h -> h.current().dbscanPreviousFinish());
        m.put("dbscanStart", h -> h.current().dbscanStart());
        m.put("pgnoDbscanHighestContinuous", h -> h.current().pgnoDbscanHighestContinuous());
        m.put("genRecovering", h -> h.current().genRecovering());
        m.put("extendCount", h -> h.current().extendCount());
        m.put("extendTime", h -> h.current().extendTime());
        m.put("shrinkCount", h -> h.current().shrinkCount());
        m.put("shrinkTime", h -> h.current().shrinkTime());
        m.put("reattachTime", h -> h.current().reattachTime());
        m.put("reattachPosition", h -> h.current().reattachPosition());
        m.put("trimCount", h -> h.current().trimCount());
        m.put("dbHeaderFlushSignature", h -> h.current().dbHeaderFlushSignature());
        m.put("flushMapHeaderFlushSignature", h -> h.current().flushMapHeaderFlushSignature());
        m.put("genMinConsistent", h -> h.current().genMinConsistent());
        m.put("formatUpdateMinor", h -> h.current().formatUpdateMinor());
        m.put("efvMaxBinAttach", h -> h.current().efvMaxBinAttach());
        m.put("pgnoDbscanHighest", h -> h.current().pgnoDbscanHighest());
        m.put("lastResize", h -> h.current().lastResize());
        m.put("fileType", DatabaseHeader::fileType);
        m.put("genMaxRequiredTime", h -> h.current().genMaxRequiredTime());
        m.put("genPreRedoMinConsistent", h -> h.current().genPreRedoMinConsistent());
        m.put("genPreRedoMinRequired", h -> h.current().genPreRedoMinRequired());
        m.put("rbsHeaderFlushSignature", h -> h.current().rbsHeaderFlushSignature());
        m.put("revertCount", h -> h.current().revertCount());
        m.put("revertFromTime", h -> h.current().revertFromTime());
        m.put("revertToTime", h -> h.current().revertToTime());
        m.put("revertPageCount", h -> h.current().revertPageCount());
        m.put("commitBeforeRevert", h -> h.current().commitBeforeRevert());
        return m;
    }

    static <H> void bk(Map<String, Function<H, Object>> m, String p, Function<H, BackupInfo> f) {
        m.put(p + ".mark", h -> f.apply(h).mark());
        m.put(p + ".time", h -> f.apply(h).markTime());
        m.put(p + ".low", h -> f.apply(h).genLow());
        m.put(p + ".high", h -> f.apply(h).genHigh());
    }

    static <H> void dbms(Map<String, Function<H, Object>> m, Function<H, DbmsParams> f) {
        m.put("dbms.systemPath", h -> f.apply(h).systemPath());
        m.put("dbms.logFilePath", h -> f.apply(h).logFilePath());
        m.put("dbms.flags", h -> f.apply(h).flags());
        m.put("dbms.sessionsMax", h -> f.apply(h).sessionsMax());
        m.put("dbms.openTablesMax", h -> f.apply(h).openTablesMax());
        m.put("dbms.verPagesMax", h -> f.apply(h).verPagesMax());
        m.put("dbms.cursorsMax", h -> f.apply(h).cursorsMax());
        m.put("dbms.logBuffers", h -> f.apply(h).logBuffers());
        m.put("dbms.logFileSectors", h -> f.apply(h).logFileSectors());
        m.put("dbms.cacheSizeMax", h -> f.apply(h).cacheSizeMax());
    }

    static Map<String, Function<CheckpointHeader, Object>> chkAccessors() {
        Map<String, Function<CheckpointHeader, Object>> m = new HashMap<>();
        m.put("lastFullBackupCheckpoint", CheckpointHeader::lastFullBackupCheckpoint);
        m.put("checkpoint", CheckpointHeader::checkpoint);
        m.put("logSignature", CheckpointHeader::logSignature);
        dbms(m, CheckpointHeader::dbms);
        m.put("fullBackup", CheckpointHeader::fullBackup);
        m.put("fullBackupTime", CheckpointHeader::fullBackupTime);
        m.put("incrementalBackup", CheckpointHeader::incrementalBackup);
        m.put("incrementalBackupTime", CheckpointHeader::incrementalBackupTime);
        m.put("versionFlags", CheckpointHeader::versionFlags);
        m.put("dbConsistency", CheckpointHeader::dbConsistency);
        m.put("fileType", CheckpointHeader::fileType);
        return m;
    }

    static Map<String, Function<LogHeader, Object>> logAccessors() {
        Map<String, Function<LogHeader, Object>> m = new HashMap<>();
        m.put("generation", LogHeader::generation);
        m.put("sectorSize", LogHeader::sectorSize);
        m.put("headerSectors", LogHeader::headerSectors);
        m.put("fileSectors", LogHeader::fileSectors);
        m.put("pageSizeRaw", LogHeader::pageSizeRaw);
        m.put("created", LogHeader::created);
        m.put("previousGenerationCreated", LogHeader::previousGenerationCreated);
        m.put("versionMajor", LogHeader::versionMajor);
        m.put("versionMinor", LogHeader::versionMinor);
        m.put("versionUpdateMajor", LogHeader::versionUpdateMajor);
        m.put("logSignature", LogHeader::logSignature);
        dbms(m, LogHeader::dbms);
        m.put("logFlags", LogHeader::logFlags);
        m.put("checkpointAtCreation", LogHeader::checkpointAtCreation);
        m.put("versionUpdateMinor", LogHeader::versionUpdateMinor);
        m.put("diskSectorSizeMismatch", LogHeader::diskSectorSizeMismatch);
        m.put("previousLogChecksum", LogHeader::previousLogChecksum);
        m.put("engineFormatVersion", LogHeader::engineFormatVersion);
        m.put("fileType", LogHeader::fileType);
        return m;
    }

    static Map<String, Function<PatchHeader, Object>> patchAccessors() {
        Map<String, Function<PatchHeader, Object>> m = new HashMap<>();
        m.put("dbtimeDirtied", PatchHeader::dbtimeDirtied);
        m.put("pageFlags", PatchHeader::pageFlags);
        bk(m, "backup", PatchHeader::backup);
        m.put("dbSignature", PatchHeader::dbSignature);
        m.put("logSignature", PatchHeader::logSignature);
        m.put("genMinRequired", PatchHeader::genMinRequired);
        m.put("genMaxRequired", PatchHeader::genMaxRequired);
        m.put("genMaxCommitted", PatchHeader::genMaxCommitted);
        m.put("genMaxRequiredTime", PatchHeader::genMaxRequiredTime);
        m.put("genMaxCommittedTime", PatchHeader::genMaxCommittedTime);
        return m;
    }

    // ------------------------------------------------------------------ values

    static Object random(T t, Random r) {
        return switch (t) {
            case U8 -> r.nextInt(256);
            case U16 -> r.nextInt(65536);
            case U32, S32 -> r.nextInt();
            case U64 -> r.nextLong();
            case STR261 -> {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(260);
                for (int i = 0; i < n; i++) {
                    sb.append((char) (0x20 + r.nextInt(0x5F)));
                }
                yield sb.toString();
            }
            default -> {
                byte[] b = new byte[t.size];
                r.nextBytes(b);
                yield b;
            }
        };
    }

    /** The canonical text of a written value, read the way the layout says. */
    static String expected(Field f, Object v) {
        return switch (f.type()) {
            case U8 -> Long.toString(((Number) v).longValue() & 0xFF);
            case U16 -> Long.toString(((Number) v).longValue() & 0xFFFF);
            case U32 -> Long.toString(((Number) v).longValue() & 0xFFFFFFFFL);
            case S32 -> Long.toString(((Number) v).intValue());
            case U64 -> Long.toString(((Number) v).longValue());
            case STR261 -> (String) v;
            case TIME -> "t:" + HexFormat.of().formatHex((byte[]) v);
            case LGPOS -> {
                ByteBuffer b = ByteBuffer.wrap((byte[]) v).order(ByteOrder.LITTLE_ENDIAN);
                yield new LogPosition(b.getInt(4), b.getShort(2) & 0xFFFF, b.getShort(0) & 0xFFFF).toString();
            }
            case SIG, BYTES28 -> HexFormat.of().formatHex((byte[]) v);
        };
    }

    static String actual(Object o) {
        if (o instanceof LogTime t) {
            return "t:" + t.rawHex();
        }
        if (o instanceof Signature s) {
            return s.rawHex();
        }
        if (o instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(o);
    }

    static <H> int compareAll(Map<String, Field> fields, Map<String, Object> written, H h,
            Map<String, Function<H, Object>> acc) {
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Object> e : written.entrySet()) {
            Function<H, Object> a = acc.get(e.getKey());
            assertNotNull(a, "test has no accessor for " + e.getKey());
            String exp = expected(fields.get(e.getKey()), e.getValue());
            String act = actual(a.apply(h));
            if (!exp.equals(act)) {
                bad.add(e.getKey() + ": wrote " + exp + ", read " + act);
            }
            n++;
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        return n;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void workedExampleChecksumFromTheDoc() {
        EseBuilder.Database d = EseBuilder.Database.ese97();
        d.set("dbtime", 449L).set("dbSignature", EseBuilder.sig(0x12345678L, EseBuilder.time(1999, 6, 14, 9, 15, 30, 0, false),
                "EXCH55")).set("state", 3);
        byte[] page = d.primary();
        assertEquals("f0507e54", HexFormat.of().formatHex(page, 0, 4));
        DatabaseHeader h = (DatabaseHeader) EseFile.read("priv.edb", d.bytes());
        assertTrue(h.verification().primary().valid());
        assertEquals(0x547E50F0L, h.checksum());
        assertEquals(Profile.ESE97, h.profile());
        assertEquals("EXCH55", h.dbSignature().computerName());
        assertEquals("1999-06-14 09:15:30.000", h.dbSignature().created().iso());
        // Changing any byte in 4..4095 breaks verification.
        for (int off : new int[] {4, 5, 100, 251, 1000, 4095}) {
            byte[] b = d.bytes();
            b[off] ^= 0x10;
            b[4096 + off] ^= 0x10;
            if (off < 8) {
                // breaking the magic makes it a non-database; only the checksum is asserted for the rest
                continue;
            }
            DatabaseHeader x = (DatabaseHeader) EseFile.read("priv.edb", b);
            assertFalse(x.verification().primary().valid(), "offset " + off);
            assertFalse(x.verification().shadow().valid(), "offset " + off);
        }
        // The same content in an 8192-byte page has the same checksum.
        byte[] big = new byte[8192];
        System.arraycopy(page, 0, big, 0, 4096);
        assertEquals(0x547E50F0, EseBuilder.checksum(big, 0, 8192));
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 8192, 16384, 32768})
    void everyCurrentDatabaseFieldRoundTrips(int pageSize) {
        Random r = new Random(pageSize);
        EseBuilder.Database d = EseBuilder.Database.current(pageSize);
        Map<String, Field> fields = EseBuilder.dbFields(true, true, true);
        Map<String, Object> written = new HashMap<>();
        for (Field f : fields.values()) {
            Object v = random(f.type(), r);
            d.page.put(f, v);
            written.put(f.name(), v);
        }
        DatabaseHeader h = (DatabaseHeader) EseFile.read("x.edb", d.bytes());
        assertTrue(h.verification().primary().valid() && h.verification().shadow().valid());
        assertEquals(pageSize, h.verification().pageSize());
        assertTrue(h.verification().pageSizeConfirmed());
        assertTrue(h.verification().differences().isEmpty());
        assertEquals(Profile.CURRENT, h.profile());
        assertEquals(20, h.formatRevision());
        assertEquals(pageSize, h.pageSize());
        int n = compareAll(fields, written, h, dbAccessors());
        assertEquals(fields.size(), n);
        assertTrue(n > 100, "compared " + n);
    }

    @Test
    void ese97DatabaseReadsOnlyTheInferredPart() {
        Random r = new Random(97);
        EseBuilder.Database d = EseBuilder.Database.ese97();
        Map<String, Object> written = new HashMap<>();
        for (Field f : EseBuilder.DB_BASE.values()) {
            Object v = random(f.type(), r);
            d.page.put(f, v);
            written.put(f.name(), v);
        }
        DatabaseHeader h = (DatabaseHeader) EseFile.read("priv.edb", d.bytes());
        compareAll(EseBuilder.DB_BASE, written, h, dbAccessors());
        assertEquals(Profile.ESE97, h.profile());
        assertTrue(h.profile().inferred());
        assertEquals(0, h.pageSizeRaw());
        assertEquals(4096, h.pageSize());
        assertNull(h.ese98());
        assertNull(h.ecc());
        assertNull(h.current());
        assertFalse(h.hasLogRequired());
        assertTrue(h.notes().stream().anyMatch(x -> x.text().contains("INFERRED")));
        assertTrue(h.notes().stream().noneMatch(x -> x.text().contains("unexpected data")));
        // Data where ESE97 has none is reported, not interpreted.
        d.page.u32(296, 7);
        DatabaseHeader y = (DatabaseHeader) EseFile.read("priv.edb", d.bytes());
        assertNull(y.ese98());
        assertTrue(y.notes().stream().anyMatch(x -> x.text().contains("unexpected data") && x.offset() == 296), y.notes()
                .toString());
    }

    @Test
    void versionGuardsFollowTheRevision() {
        DatabaseHeader r9 = (DatabaseHeader) EseFile.read("a.edb", EseBuilder.Database.revision(4096, 9, 4096)
                .set("genMinRequired", 44).set("genMaxRequired", 46).bytes());
        assertEquals(Profile.ESE98, r9.profile());
        assertNotNull(r9.ese98());
        assertNull(r9.ecc());
        assertNull(r9.current());
        assertEquals(44, r9.genMinRequired());
        assertEquals(46, r9.genMaxRequired());
        DatabaseHeader r11 = (DatabaseHeader) EseFile.read("a.edb", EseBuilder.Database.revision(4096, 11, 0)
                .set("badChecksum", 3).bytes());
        assertEquals(Profile.ESE2003SP1, r11.profile());
        assertEquals(3, r11.ecc().badChecksum());
        assertNull(r11.current());
        DatabaseHeader r12 = (DatabaseHeader) EseFile.read("a.edb", EseBuilder.Database.revision(8192, 12, 8192)
                .set("genMaxCommitted", 9).bytes());
        assertEquals(Profile.CURRENT, r12.profile());
        assertEquals(9, r12.genMaxCommitted());
    }

    @Test
    void everyCheckpointFieldRoundTrips() {
        Random r = new Random(4);
        EseBuilder.Checkpoint c = new EseBuilder.Checkpoint();
        Map<String, Object> written = new HashMap<>();
        for (Field f : EseBuilder.CHECKPOINT.values()) {
            if (f.name().equals("fileType")) {
                continue;
            }
            Object v = random(f.type(), r);
            c.page.put(f, v);
            written.put(f.name(), v);
        }
        written.put("fileType", 4);
        CheckpointHeader h = (CheckpointHeader) EseFile.read("E00.chk", c.bytes());
        assertTrue(h.verification().primary().valid());
        assertTrue(h.verification().identical());
        compareAll(EseBuilder.CHECKPOINT, written, h, chkAccessors());
    }

    @Test
    void checkpointAttachmentsRoundTrip() {
        byte[] s1 = EseBuilder.sig(11, EseBuilder.time(2003, 1, 2, 3, 4, 5, 0, false), "");
        byte[] s2 = EseBuilder.sig(22, EseBuilder.time(2004, 1, 2, 3, 4, 5, 999, true), "SRV");
        CheckpointHeader h = (CheckpointHeader) EseFile.read("E00.chk", new EseBuilder.Checkpoint()
                .attach(1, "C:\\mdbdata\\priv1.edb", s1, EseBuilder.lgpos(0x2C, 9, 0x86), EseBuilder.lgpos(0x2B, 0xE8, 0xD0))
                .attach(2, "D:\\pub1.edb", s2, EseBuilder.lgpos(5, 6, 7), EseBuilder.lgpos(1, 2, 3)).bytes());
        assertEquals(2, h.attachments().size());
        AttachedDatabase a = h.attachments().get(0);
        assertEquals(1, a.dbid());
        assertEquals("C:\\mdbdata\\priv1.edb", a.path());
        assertEquals("(0x2C,9,86)", a.lastAttach().eseutil());
        assertEquals("(0x2B,E8,D0)", a.lastConsistent().eseutil());
        assertEquals(HexFormat.of().formatHex(s1), a.signature().rawHex());
        assertEquals(0x1234_5678_9AL + 1, a.dbtime());
        assertEquals(41, a.objidLast());
        AttachedDatabase b = h.attachments().get(1);
        assertEquals("D:\\pub1.edb", b.path());
        assertEquals("SRV", b.signature().computerName());
        assertEquals(999, b.signature().created().milliseconds());
        assertTrue(b.signature().created().utc());
    }

    @Test
    void everyLogFieldRoundTrips() {
        Random r = new Random(8);
        EseBuilder.Log l = EseBuilder.Log.current();
        Map<String, Object> written = new HashMap<>();
        Map<String, Object> fixed = Map.of("sectorSize", 512, "fileSectors", 16, "headerSectors", 8, "versionMajor", 8,
                "fileType", 3, "dbms.logFileSectors", 16);
        for (Field f : EseBuilder.LOG.values()) {
            Object v = fixed.containsKey(f.name()) ? fixed.get(f.name()) : random(f.type(), r);
            l.set(f.name(), v);
            written.put(f.name(), v);
        }
        byte[] sig = EseBuilder.sig(7, EseBuilder.time(2010, 5, 6, 7, 8, 9, 10, true), "");
        l.attach(1, "C:\\db\\one.edb", sig, EseBuilder.lgpos(3, 4, 5), EseBuilder.lgpos(2, 3, 4));
        LogHeader h = (LogHeader) EseFile.read("E00.log", l.bytes());
        assertTrue(h.checksumValid());
        assertFalse(h.layoutInferred());
        compareAll(EseBuilder.LOG, written, h, logAccessors());
        assertEquals(1, h.attachments().size());
        assertEquals("C:\\db\\one.edb", h.attachments().get(0).path());
        assertEquals(HexFormat.of().formatHex(sig), h.attachments().get(0).signature().rawHex());
    }

    @Test
    void ese97LogGivesGenerationAndVersionOnly() {
        LogHeader h = (LogHeader) EseFile.read("edb0001C.log", EseBuilder.Log.ese97(28, 2).bytes());
        assertTrue(h.checksumValid());
        assertTrue(h.layoutInferred());
        assertEquals(28, h.generation());
        assertEquals("6.1503.2.0", h.version());
        assertFalse(h.signatureKnown());
        assertTrue(h.notes().stream().anyMatch(n -> n.text().contains("ESE97 log")));
    }

    @Test
    void everyPatchFieldRoundTrips() {
        Random r = new Random(5);
        EseBuilder.Patch p = new EseBuilder.Patch(4096);
        Map<String, Object> written = new HashMap<>();
        for (Field f : EseBuilder.PATCH.values()) {
            Object v = random(f.type(), r);
            p.page.put(f, v);
            written.put(f.name(), v);
        }
        PatchHeader h = (PatchHeader) EseFile.read("priv.pat", p.bytes());
        assertEquals("PATCHHDR", h.interpretation());
        assertEquals(4096, h.verification().pageSize());
        assertTrue(h.verification().identical());
        compareAll(EseBuilder.PATCH, written, h, patchAccessors());
    }

    @Test
    void patchFileInDatabaseHeaderFormatUsesCurrentFullBackup() {
        byte[] sdb = EseBuilder.sig(1, EseBuilder.time(1999, 1, 1, 0, 0, 0, 0, false), "");
        EseBuilder.Database d = EseBuilder.Database.ese97().set("dbSignature", sdb).set("fullCurrent.low", 20)
                .set("fullCurrent.mark", EseBuilder.lgpos(20, 8, 16));
        PatchHeader p = (PatchHeader) EseFile.read("priv.pat", d.bytes());
        assertEquals("DBFILEHDR", p.interpretation());
        assertEquals(20, p.backup().genLow());
        assertEquals("(00000014,0008,0010)", p.backup().mark().toString());
        DatabaseHeader db = (DatabaseHeader) EseFile.read("priv.edb", d.bytes());
        assertTrue(p.matches(db));
        assertTrue(db.onlineBackupCopy());
    }
}
