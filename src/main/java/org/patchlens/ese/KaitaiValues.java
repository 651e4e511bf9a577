package org.patchlens.ese;

import java.nio.charset.StandardCharsets;
import org.patchlens.format.EseCommon;

/** The shared structures parsed by the Kaitai types (kaitai/ese_common.ksy) as this package's records, exactly. */
final class KaitaiValues {
    private KaitaiValues() {
    }

    static LogTime time(EseCommon.Logtime t) {
        long r = (long) t.seconds() | (long) t.minutes() << 8 | (long) t.hours() << 16 | (long) t.day() << 24
                | (long) t.month() << 32 | (long) t.year() << 40 | (long) t.utcAndMsLow() << 48
                | (long) t.snapshotAndMsHigh() << 56;
        return new LogTime(r);
    }

    static LogPosition pos(EseCommon.Lgpos p) {
        return new LogPosition(p.generation(), p.isec(), p.ib());
    }

    static Signature sig(EseCommon.Signature s) {
        byte[] b = new byte[Signature.SIZE];
        b[0] = (byte) s.random();
        b[1] = (byte) (s.random() >>> 8);
        b[2] = (byte) (s.random() >>> 16);
        b[3] = (byte) (s.random() >>> 24);
        System.arraycopy(time(s.created()).bytes(), 0, b, 4, 8);
        System.arraycopy(s.computerName(), 0, b, 12, 16);
        return Signature.of(b, 0);
    }

    static BackupInfo backup(EseCommon.Bkinfo b, long type) {
        return new BackupInfo(pos(b.markPosition()), time(b.markTime()), b.genLow(), b.genHigh(), type);
    }

    static DbmsParams dbms(EseCommon.DbmsParam d) {
        return new DbmsParams(names(d.systemPath(), false), names(d.logFilePath(), false), d.flags(), d.sessionsMax(),
                d.openTablesMax(), d.verPagesMax(), d.cursorsMax(), d.logBuffers(), d.logFileSectors(), d.cacheSizeMax());
    }

    /** A NUL-terminated name: UTF-16LE up to the first NUL pair, else ANSI (Latin-1) up to the first NUL. */
    static String names(byte[] n, boolean unicode) {
        if (unicode) {
            int end = 0;
            while (end + 1 < n.length && (n[end] != 0 || n[end + 1] != 0)) {
                end += 2;
            }
            return new String(n, 0, end, StandardCharsets.UTF_16LE);
        }
        int end = 0;
        while (end < n.length && n[end] != 0) {
            end++;
        }
        return new String(n, 0, end, StandardCharsets.ISO_8859_1);
    }
}
