package org.patchlens.ese;

import java.util.ArrayList;
import java.util.List;

/** Plausibility rules and engine invariants for decoded headers (ese-format.md sections 2.1 and 7). */
final class Checks {
    private Checks() {
    }

    static List<Note> database(DatabaseHeader h, byte[] tailAfterEse97, long base) {
        List<Note> n = new ArrayList<>();
        Profile p = h.profile();
        if (p.inferred()) {
            n.add(Note.info("layout: " + p.description()));
        }
        if (p == Profile.ESE97 && tailAfterEse97 != null) {
            int first = -1;
            int count = 0;
            for (int i = 0; i < tailAfterEse97.length; i++) {
                if (tailAfterEse97[i] != 0) {
                    count++;
                    if (first < 0) {
                        first = 252 + i;
                    }
                }
            }
            if (count > 0) {
                n.add(Note.warning(base + first, "unexpected data in an ESE97 header: " + count
                        + " non-zero bytes at offsets 252-747 (first @" + first + "), not interpreted"));
            }
        }
        if (p == Profile.ESE98 && h.formatRevision() <= 9 && h.fileTypeRaw() == 0) {
            n.add(Note.info("early ESE98 header (revision " + h.formatRevision() + ", no file type at offset 667)"));
        }
        if (h.formatVersion() != 0x620 && h.formatVersion() != 0x623) {
            n.add(Note.warning(base + 8, String.format("unknown format version 0x%X (0x620 expected): read with the current layout",
                    h.formatVersion())));
        }
        if (h.state() < 1 || h.state() > 8) {
            n.add(Note.warning(base + 52, "unknown database state " + h.state() + " (eseutil prints \"Illegal\")"));
        }
        long ps = h.pageSizeRaw();
        if (ps != 0 && ps != 2048 && ps != 4096 && ps != 8192 && ps != 16384 && ps != 32768) {
            n.add(Note.warning(base + 236, "page size " + ps + " is not 2048, 4096, 8192, 16384 or 32768"));
        }
        if (h.dbid() > 7) {
            n.add(Note.warning(base + 104, "dbid " + h.dbid() + " is out of range (1..6, 0 temp)"));
        }
        if (h.attrib() != 0 && h.attrib() != 1) {
            n.add(Note.warning(base + 12, "attrib " + h.attrib() + " is neither 0 (database) nor 1 (streaming file)"));
        }
        long ft = h.fileType();
        if (ft != 0 && ft != 1 && ft != 2 && ft != 5) {
            n.add(Note.warning(base + 667, "file type " + ft + " (" + EseFile.fileTypeName(ft)
                    + ") is not a database kind (1, 2 or 5)"));
        }
        time(n, base, 64, h.consistentTime());
        time(n, base, 72, h.attachTime());
        time(n, base, 88, h.detachTime());
        time(n, base, 28, h.dbSignature().created());
        time(n, base, 112, h.logSignature().created());
        if (h.ese98() != null) {
            int min = h.genMinRequired();
            int max = h.genMaxRequired();
            if (h.state() == 3 && (min != 0 || max != 0)) {
                n.add(Note.warning(base + 296, "clean shutdown but Log Required is " + min + "-" + max + " (engine sets 0-0)"));
            }
            if (min > max && max != 0) {
                n.add(Note.warning(base + 296, "Log Required low " + min + " is above high " + max));
            }
            if (h.current() != null && max > h.current().genMaxCommitted() && h.current().genMaxCommitted() != 0) {
                n.add(Note.warning(base + 416, "Log Required high " + max + " is above Log Committed "
                        + h.current().genMaxCommitted()));
            }
            if (h.state() == 2 && min == 0) {
                n.add(Note.info("dirty shutdown with Log Required 0: the database was not logged, or the header predates the field"));
            }
        } else if (h.state() == 2) {
            n.add(Note.info("the header has no Log Required range (ESE97): the logs needed run from the checkpoint to the current log"));
        }
        if (h.logSignature().isZero()) {
            n.add(Note.info("no log signature: the database has never been attached with logging (unlogged)"));
        } else if (h.state() == 3 && h.consistentPosition().isZero()) {
            n.add(Note.warning(base + 56, "clean shutdown with a zero Last Consistent position"));
        }
        if (h.state() == 3 && !h.logSignature().isZero() && !h.consistentPosition().isZero()
                && !h.consistentPosition().equals(h.detachPosition())) {
            n.add(Note.info("clean shutdown, but Last Detach " + h.detachPosition().eseutil() + " is not Last Consistent "
                    + h.consistentPosition().eseutil() + ": not an ordinary detach (for example a copy brought to a clean "
                    + "state by recovery)"));
        }
        if (h.onlineBackupCopy()) {
            n.add(Note.warning(base + 184, "copy made by an online backup (Current Full Backup genLow " + h.fullCurrent().genLow()
                    + ", genHigh 0): it needs hard recovery (restore) with its logs"
                    + (h.profile() == Profile.ESE97 || h.profile() == Profile.ESE98 ? " and patch file" : "")
                    + "; soft recovery refuses it (JET_errSoftRecoveryOnBackupDatabase -544)"));
        }
        if (h.attrib() == 1 || ft == 2) {
            n.add(Note.info("this is a streaming (.stm) file of Exchange 2000/2003, paired with its .edb"));
        }
        return n;
    }

    static void time(List<Note> n, long base, int off, LogTime t) {
        if (!t.plausible()) {
            n.add(Note.warning(base + off, "time at offset " + off + " is not a calendar time (raw " + t.rawHex() + ")"));
        }
    }
}
