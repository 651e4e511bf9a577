package org.patchlens.ese;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only writer of ESE headers: database files (header page + shadow), patch files,
 * checkpoints and log headers, for ESE97 and current layouts, every field settable by
 * name, with correct XOR checksums. Offsets are typed here from ese-format.md, not
 * taken from the code under test.
 */
public final class EseBuilder {
    private EseBuilder() {
    }

    /** How a field is stored. */
    enum T {
        U8(1), U16(2), U32(4), S32(4), U64(8), TIME(8), LGPOS(8), SIG(28), BYTES28(28), STR261(261);

        final int size;

        T(int size) {
            this.size = size;
        }
    }

    record Field(String name, int offset, T type) {
    }

    static Map<String, Field> table(Object... e) {
        Map<String, Field> m = new LinkedHashMap<>();
        for (int i = 0; i < e.length; i += 3) {
            m.put((String) e[i], new Field((String) e[i], (Integer) e[i + 1], (T) e[i + 2]));
        }
        return m;
    }

    static Object[] bk(String p, int off) {
        return new Object[] {p + ".mark", off, T.LGPOS, p + ".time", off + 8, T.TIME, p + ".low", off + 16, T.U32,
            p + ".high", off + 20, T.U32};
    }

    static Object[] cat(Object[]... parts) {
        List<Object> out = new ArrayList<>();
        for (Object[] p : parts) {
            out.addAll(List.of(p));
        }
        return out.toArray();
    }

    /** DBFILEHDR fields at 0..251 (ESE97 and later), checksum/magic/version/revision/page size excluded. */
    static final Map<String, Field> DB_BASE = table(cat(new Object[] {
        "attrib", 12, T.S32, "dbtime", 16, T.U64, "dbSignature", 24, T.SIG, "state", 52, T.U32,
        "consistentPosition", 56, T.LGPOS, "consistentTime", 64, T.TIME, "attachTime", 72, T.TIME,
        "attachPosition", 80, T.LGPOS, "detachTime", 88, T.TIME, "detachPosition", 96, T.LGPOS, "dbid", 104, T.U32,
        "logSignature", 108, T.SIG}, bk("fullPrevious", 136), bk("incrementalPrevious", 160), bk("fullCurrent", 184),
        new Object[] {"dbFlags", 208, T.U32, "objidLast", 212, T.U32, "osMajor", 216, T.U32, "osMinor", 220, T.U32,
            "osBuild", 224, T.U32, "osServicePack", 228, T.S32, "repairCount", 240, T.U32, "repairTime", 244, T.TIME}));

    /** 252..363. */
    static final Map<String, Field> DB_ESE98 = table(cat(new Object[] {
        "slvSignature", 252, T.BYTES28, "scrubDbtime", 280, T.U64, "scrubTime", 288, T.TIME,
        "genMinRequired", 296, T.S32, "genMaxRequired", 300, T.S32, "cpgUpgrade55Format", 304, T.S32,
        "cpgUpgradeFreePages", 308, T.S32, "cpgUpgradeSpaceMapPages", 312, T.S32}, bk("snapshotCurrent", 316),
        new Object[] {"createVersion", 340, T.U32, "createRevision", 344, T.U32, "genMaxCreateTime", 348, T.TIME,
            "backupTypeFullPrevious", 356, T.U32, "backupTypeIncrementalPrevious", 360, T.U32}));

    /** 364..415. */
    static final Map<String, Field> DB_ECC = table("repairCountOld", 364, T.U32, "eccFixSuccess", 368, T.U32,
            "eccFixSuccessTime", 372, T.TIME, "eccFixSuccessOld", 380, T.U32, "eccFixFail", 384, T.U32,
            "eccFixFailTime", 388, T.TIME, "eccFixFailOld", 396, T.U32, "badChecksum", 400, T.U32,
            "badChecksumTime", 404, T.TIME, "badChecksumOld", 412, T.U32);

    /** 416..747. */
    static final Map<String, Field> DB_CURRENT = table(cat(new Object[] {"genMaxCommitted", 416, T.S32},
        bk("copyPrevious", 420), bk("differentialPrevious", 444), new Object[] {
            "backupTypeCopyPrevious", 468, T.U32, "backupTypeDifferentialPrevious", 472, T.U32, "reseedCount", 476, T.U32,
            "reseedTime", 480, T.TIME, "reseedCountOld", 488, T.U32, "pagePatchCount", 492, T.U32,
            "pagePatchTime", 496, T.TIME, "pagePatchCountOld", 504, T.U32, "sortVersionDefined", 508, T.U32,
            "sortVersionNls", 512, T.U32, "dbscanPreviousFinish", 516, T.TIME, "dbscanStart", 524, T.TIME,
            "pgnoDbscanHighestContinuous", 532, T.U32, "genRecovering", 536, T.S32, "extendCount", 540, T.U32,
            "extendTime", 544, T.TIME, "shrinkCount", 552, T.U32, "shrinkTime", 556, T.TIME, "reattachTime", 564, T.TIME,
            "reattachPosition", 572, T.LGPOS, "trimCount", 580, T.U32, "dbHeaderFlushSignature", 584, T.SIG,
            "flushMapHeaderFlushSignature", 612, T.SIG, "genMinConsistent", 640, T.S32, "formatUpdateMinor", 644, T.U32,
            "efvMaxBinAttach", 648, T.U32, "pgnoDbscanHighest", 652, T.U32, "lastResize", 656, T.LGPOS,
            "fileType", 667, T.U32, "genMaxRequiredTime", 672, T.TIME, "genPreRedoMinConsistent", 680, T.S32,
            "genPreRedoMinRequired", 684, T.S32, "rbsHeaderFlushSignature", 688, T.SIG, "revertCount", 716, T.U32,
            "revertFromTime", 720, T.TIME, "revertToTime", 728, T.TIME, "revertPageCount", 736, T.U32,
            "commitBeforeRevert", 740, T.LGPOS}));

    static final Map<String, Field> CHECKPOINT = table("lastFullBackupCheckpoint", 4, T.LGPOS, "checkpoint", 12, T.LGPOS,
            "logSignature", 20, T.SIG, "dbms.systemPath", 48, T.STR261, "dbms.logFilePath", 309, T.STR261,
            "dbms.flags", 570, T.U8, "dbms.sessionsMax", 571, T.U32, "dbms.openTablesMax", 575, T.U32,
            "dbms.verPagesMax", 579, T.U32, "dbms.cursorsMax", 583, T.U32, "dbms.logBuffers", 587, T.U32,
            "dbms.logFileSectors", 591, T.U32, "dbms.cacheSizeMax", 595, T.U32, "fullBackup", 615, T.LGPOS,
            "fullBackupTime", 623, T.TIME, "incrementalBackup", 631, T.LGPOS, "incrementalBackupTime", 639, T.TIME,
            "versionFlags", 647, T.U8, "dbConsistency", 648, T.LGPOS, "fileType", 667, T.S32);

    static final Map<String, Field> LOG = table("generation", 4, T.S32, "sectorSize", 8, T.U16, "headerSectors", 10, T.U16,
            "fileSectors", 12, T.U16, "pageSizeRaw", 14, T.U16, "created", 16, T.TIME,
            "previousGenerationCreated", 24, T.TIME, "versionMajor", 32, T.U32, "versionMinor", 36, T.U32,
            "versionUpdateMajor", 40, T.U32, "logSignature", 44, T.SIG, "dbms.systemPath", 72, T.STR261,
            "dbms.logFilePath", 333, T.STR261, "dbms.flags", 594, T.U8, "dbms.sessionsMax", 595, T.U32,
            "dbms.openTablesMax", 599, T.U32, "dbms.verPagesMax", 603, T.U32, "dbms.cursorsMax", 607, T.U32,
            "dbms.logBuffers", 611, T.U32, "dbms.logFileSectors", 615, T.U32, "dbms.cacheSizeMax", 619, T.U32,
            "logFlags", 639, T.U8, "checkpointAtCreation", 640, T.LGPOS, "versionUpdateMinor", 648, T.U32,
            "diskSectorSizeMismatch", 652, T.U8, "previousLogChecksum", 653, T.U64, "engineFormatVersion", 661, T.U32,
            "fileType", 667, T.U32);

    static final Map<String, Field> PATCH = table(cat(new Object[] {"dbtimeDirtied", 8, T.U64, "pageFlags", 36, T.U32},
        bk("backup", 40), new Object[] {"dbSignature", 64, T.SIG, "logSignature", 92, T.SIG, "genMinRequired", 120, T.U32,
            "genMaxRequired", 124, T.U32, "genMaxCommitted", 128, T.U32, "genMaxRequiredTime", 132, T.TIME,
            "genMaxCommittedTime", 140, T.TIME}));

    // ------------------------------------------------------------------ values

    public static byte[] time(int year, int month, int day, int h, int m, int s, int ms, boolean utc) {
        return new byte[] {(byte) s, (byte) m, (byte) h, (byte) day, (byte) month, (byte) (year - 1900),
            (byte) ((utc ? 1 : 0) | (ms & 0x7F) << 1), (byte) (((ms >> 7) & 7) << 1)};
    }

    public static byte[] lgpos(int gen, int isec, int ib) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) ib).putShort((short) isec)
                .putInt(gen).array();
    }

    public static byte[] sig(long random, byte[] time, String computer) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) random).put(time);
        byte[] n = computer.getBytes(StandardCharsets.ISO_8859_1);
        b.put(n, 0, Math.min(n.length, 15));
        return b.array();
    }

    public static byte[] ansi(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** 0x89ABCDEF XOR every little-endian u32 at 4..len-4 of {@code b} from {@code off}: our own copy of the rule. */
    public static int checksum(byte[] b, int off, int len) {
        ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int c = 0x89ABCDEF;
        for (int i = 4; i < len; i += 4) {
            c ^= w.getInt(off + i);
        }
        return c;
    }

    // ------------------------------------------------------------------ a header page

    /** Bytes of one header with typed writes by field name. */
    public static class Page {
        final byte[] b;
        final Map<String, Field> fields;

        Page(int size, Map<String, Field> fields) {
            this.b = new byte[size];
            this.fields = fields;
        }

        ByteBuffer w() {
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        }

        Page u8(int off, int v) {
            b[off] = (byte) v;
            return this;
        }

        Page u16(int off, int v) {
            w().putShort(off, (short) v);
            return this;
        }

        Page u32(int off, long v) {
            w().putInt(off, (int) v);
            return this;
        }

        Page u64(int off, long v) {
            w().putLong(off, v);
            return this;
        }

        Page bytes(int off, byte[] v) {
            System.arraycopy(v, 0, b, off, v.length);
            return this;
        }

        /** Sets a field: numbers as Number, times/positions/signatures/raw as byte[], strings as String. */
        public Page set(String name, Object value) {
            Field f = fields.get(name);
            if (f == null) {
                throw new IllegalArgumentException("no field " + name);
            }
            return put(f, value);
        }

        Page put(Field f, Object value) {
            switch (f.type()) {
                case U8 -> u8(f.offset(), ((Number) value).intValue());
                case U16 -> u16(f.offset(), ((Number) value).intValue());
                case U32, S32 -> u32(f.offset(), ((Number) value).longValue());
                case U64 -> u64(f.offset(), ((Number) value).longValue());
                case STR261 -> {
                    byte[] s = value instanceof String str ? ansi(str) : (byte[]) value;
                    byte[] z = new byte[261];
                    System.arraycopy(s, 0, z, 0, Math.min(260, s.length));
                    bytes(f.offset(), z);
                }
                default -> {
                    byte[] v = (byte[]) value;
                    if (v.length != f.type().size) {
                        throw new IllegalArgumentException(f.name() + " needs " + f.type().size + " bytes");
                    }
                    bytes(f.offset(), v);
                }
            }
            return this;
        }

        int stamp(int len) {
            int c = checksum(b, 0, len);
            u32(0, c);
            return c;
        }
    }

    static Map<String, Field> dbFields(boolean ese98, boolean ecc, boolean current) {
        Map<String, Field> m = new LinkedHashMap<>(DB_BASE);
        if (ese98) {
            m.putAll(DB_ESE98);
        }
        if (ecc) {
            m.putAll(DB_ECC);
        }
        if (current) {
            m.putAll(DB_CURRENT);
        }
        return m;
    }

    // ------------------------------------------------------------------ database

    public static final class Database {
        final Page page;
        final int pageSize;
        byte[] shadowOverride;

        private Database(int pageSize, long revision, long pageSizeRaw) {
            this.pageSize = pageSize;
            Map<String, Field> all = dbFields(true, true, true);
            page = new Page(pageSize, all);
            page.u32(4, 0x89ABCDEFL).u32(8, 0x620).u32(232, revision).u32(236, pageSizeRaw);
        }

        /** Exchange 5.5: 0x620 revision 2, page-size field 0 (4096). */
        public static Database ese97() {
            return new Database(4096, 2, 0);
        }

        /** A current engine: 0x620 revision 20, file type 1. */
        public static Database current(int pageSize) {
            Database d = new Database(pageSize, 20, pageSize);
            d.page.u32(667, 1);
            return d;
        }

        public static Database revision(int pageSize, long revision, long pageSizeRaw) {
            return new Database(pageSize, revision, pageSizeRaw);
        }

        public Database set(String name, Object value) {
            page.set(name, value);
            return this;
        }

        public Database u32(int off, long v) {
            page.u32(off, v);
            return this;
        }

        /** Primary page with its checksum. */
        public byte[] primary() {
            page.stamp(pageSize);
            return page.b.clone();
        }

        /** Header page + identical shadow. */
        public byte[] bytes() {
            byte[] p = primary();
            byte[] out = new byte[2 * pageSize];
            System.arraycopy(p, 0, out, 0, pageSize);
            System.arraycopy(shadowOverride != null ? shadowOverride : p, 0, out, pageSize, pageSize);
            return out;
        }
    }

    // ------------------------------------------------------------------ checkpoint

    public static final class Checkpoint {
        final Page page = new Page(4096, CHECKPOINT);
        int attachPos = 679;

        public Checkpoint() {
            page.u32(667, 4);
        }

        public Checkpoint set(String name, Object value) {
            page.set(name, value);
            return this;
        }

        public Checkpoint attach(int dbid, String path, byte[] signDb, byte[] lgposAttach, byte[] lgposConsistent) {
            attachPos = attachInfo(page, attachPos, dbid, path, signDb, lgposAttach, lgposConsistent);
            page.u8(647, page.b[647] | 1);
            return this;
        }

        public byte[] bytes() {
            page.stamp(4096);
            byte[] out = new byte[8192];
            System.arraycopy(page.b, 0, out, 0, 4096);
            System.arraycopy(page.b, 0, out, 4096, 4096);
            return out;
        }
    }

    /** Writes one ATTACHINFO (UTF-16LE names) at {@code pos}; returns the next position. */
    static int attachInfo(Page p, int pos, int dbid, String path, byte[] signDb, byte[] lgposAttach,
            byte[] lgposConsistent) {
        byte[] names = (path + "\0").getBytes(StandardCharsets.UTF_16LE);
        p.u8(pos, dbid).u8(pos + 1, 0x20).u16(pos + 2, names.length).u64(pos + 4, 0x1234_5678_9AL + dbid)
                .u32(pos + 12, 40 + dbid).u32(pos + 16, 0).bytes(pos + 20, lgposAttach).bytes(pos + 28, lgposConsistent)
                .bytes(pos + 36, signDb).bytes(pos + 64, names);
        return pos + 64 + names.length;
    }

    // ------------------------------------------------------------------ log

    public static final class Log {
        final Page page = new Page(4096, LOG);
        int attachPos = 671;
        int cbSec = 512;
        int csec = 16;

        /** A 7.3704 / 8.4000 header with 512-byte sectors, 16 sectors, file type 3. */
        public Log(long major, long minor) {
            page.u32(32, major).u32(36, minor).u16(8, cbSec).u16(10, 8).u16(12, csec).u32(667, 3)
                    .u32(615, csec);
        }

        public static Log current() {
            return new Log(8, 4000);
        }

        /**
         * An Exchange 2000 log, format 7.3704.4: the layout of {@link #Log(long, long)} (ese-format.md 6.1) without the
         * file type at 667, which the engine writes from 7.3704.5 on.
         */
        public static Log ese98() {
            return new Log(7, 3704).set("versionUpdateMajor", 4).set("fileType", 0);
        }

        /** ESE97 6.1503: only checksum, generation and version are written. */
        public static Log ese97(int generation, int update) {
            Log l = new Log(6, 1503);
            java.util.Arrays.fill(l.page.b, (byte) 0);
            l.page.u32(4, generation).u32(32, 6).u32(36, 1503).u32(40, update);
            return l;
        }

        public Log set(String name, Object value) {
            page.set(name, value);
            if (name.equals("sectorSize")) {
                cbSec = ((Number) value).intValue();
            }
            if (name.equals("fileSectors")) {
                csec = ((Number) value).intValue();
            }
            return this;
        }

        public Log attach(int dbid, String path, byte[] signDb, byte[] lgposAttach, byte[] lgposConsistent) {
            attachPos = attachInfo(page, attachPos, dbid, path, signDb, lgposAttach, lgposConsistent);
            return this;
        }

        /** Header + zero fill to csecLGFile x cbSec bytes (at least 4096). */
        public byte[] bytes() {
            page.stamp(4096);
            int size = Math.max(4096, cbSec * csec);
            byte[] out = new byte[size];
            System.arraycopy(page.b, 0, out, 0, 4096);
            return out;
        }
    }

    // ------------------------------------------------------------------ patch

    public static final class Patch {
        final Page page;
        final int pageSize;

        public Patch(int pageSize) {
            this.pageSize = pageSize;
            page = new Page(pageSize, PATCH);
        }

        public Patch set(String name, Object value) {
            page.set(name, value);
            return this;
        }

        public byte[] bytes() {
            page.stamp(pageSize);
            byte[] out = new byte[2 * pageSize];
            System.arraycopy(page.b, 0, out, 0, pageSize);
            System.arraycopy(page.b, 0, out, pageSize, pageSize);
            return out;
        }
    }
}
