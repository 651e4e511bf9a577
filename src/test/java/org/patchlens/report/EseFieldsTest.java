package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlens.ese.DatabaseHeader;
import org.patchlens.ese.EseBuilder;
import org.patchlens.ese.EseFile;
import org.patchlens.ese.EseHeader;
import org.patchlens.evidence.Evidence;
import org.patchlens.evidence.EvidenceKind;
import org.patchlens.report.Report.Datum;
import org.patchlens.report.Report.StoreField;

/** The Store sheet's rows: eseutil's labels and formats ({@link EseRender}), the offsets of the reader's layout. */
class EseFieldsTest {
    @TempDir
    Path dir;

    /** The offsets are the ESE reader's own layout table (ese.Layout), not a copy. */
    @Test
    void offsetsAreTheEseReadersLayoutTable() {
        Map<String, Integer> db = EseFields.layout("DATABASE");
        assertEquals(0, db.get("checksum"));
        assertEquals(4, db.get("magic"));
        assertEquals(52, db.get("state"));
        assertEquals(108, db.get("log signature"));
        assertEquals(136, db.get("previous full backup"));
        assertEquals(12, EseFields.layout("CHECKPOINT").get("checkpoint"));
        assertEquals(40, EseFields.layout("PATCH").get("backup info"));
    }

    static byte[] database(int state) {
        return EseBuilder.Database.ese97().u32(52, state).set("fullPrevious.low", 5).set("fullPrevious.high", 18)
                .bytes();
    }

    @Test
    void aDatabaseHeaderUnderEseutilsLabelsWithItsFileOffsets() {
        EseHeader h = EseFile.read("priv.edb", database(3));
        List<EseFields.Row> rows = EseFields.of(h);
        StringWriter text = new StringWriter();
        EseRender.database(new PrintWriter(text), (DatabaseHeader) h);
        for (EseFields.Row r : rows) {
            assertTrue(text.toString().contains(r.label()) && text.toString().contains(r.value()),
                    r + " is as patchlens ese header prints it");
        }
        Map<String, EseFields.Row> f = new java.util.LinkedHashMap<>();
        rows.forEach(r -> f.putIfAbsent(r.field(), r));
        assertEquals("Clean Shutdown (3)", f.get("State").value());
        assertEquals(List.of(52L), f.get("State").offsets());
        assertEquals("0x89abcdef", f.get("Format ulMagic").value(), "hex, as eseutil prints it");
        assertEquals(List.of(4L), f.get("Format ulMagic").offsets());
        assertEquals(List.of(0L), f.get("Checksum").offsets());
        assertEquals(List.of(8L, 232L), f.get("Format ulVersion").offsets(), "ESE97: no update minor, no attach version");
        assertEquals(List.of(56L, 64L), f.get("Last Consistent").offsets(), "position and time");
        assertEquals(List.of(), f.get("Log Required").offsets(), "not recorded in an ESE97 header");
        assertEquals("5-18 (0x5-0x12)", f.get("Previous Full Backup: Log Gen").value(), "generations decimal");
        assertEquals(List.of(136L + 16, 136L + 20), f.get("Previous Full Backup: Log Gen").offsets());
        List<EseFields.Row> marks = rows.stream().filter(r -> r.field().equals("Previous Full Backup: Mark")).toList();
        assertEquals(2, marks.size());
        assertEquals(List.of(136L), marks.get(0).offsets(), "the mark's position");
        assertEquals(List.of(144L), marks.get(1).offsets(), "the mark's time");
        assertEquals(List.of(0L), f.get("Checksum verdicts: Primary header").offsets());
        assertEquals(List.of(4096L), f.get("Checksum verdicts: Shadow header").offsets());
        assertTrue(f.get("Layout").value().startsWith("ESE97"), "the layout, INFERRED offsets said so");
        assertTrue(rows.stream().noneMatch(r -> r.label().startsWith("INFO")), "verdicts are notes, not fields");
    }

    /** When the two copies of a header differ, both are shown side by side, each with its own offsets. */
    @Test
    void bothHeaderCopiesSideBySideWhereTheyDiffer() throws Exception {
        byte[] b = database(3);
        byte[] shadow = Arrays.copyOfRange(b, 4096, 8192);
        java.nio.ByteBuffer.wrap(shadow).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(52, 2).putInt(0,
                EseBuilder.checksum(shadow, 0, 4096));
        System.arraycopy(shadow, 0, b, 4096, 4096);
        Path db = Files.write(dir.resolve("PRIV.EDB"), b);
        Evidence e = new Evidence(db, "D/PRIV.EDB", b.length, "00", EvidenceKind.ESE_DATABASE, "", List.of(), false);
        Report r = CheckReport.withStoreFromEvidence(SampleReport.build(), List.of(e));
        assertEquals(List.of("D/PRIV.EDB (database)", "D/PRIV.EDB (database, shadow copy @0x1000, differs in checksum (@0), state (@52))"),
                r.store().files().stream().map(Report.StoreFile::header).toList());
        StoreField state = r.store().fields().stream().filter(x -> x.field().equals("State")).findFirst().orElseThrow();
        assertEquals(new Datum("Clean Shutdown (3)", List.of(52L)), state.values().get(0));
        assertEquals(new Datum("Dirty Shutdown (2)", List.of(4096L + 52)), state.values().get(1));
        StoreField magic = r.store().fields().stream().filter(x -> x.field().equals("Format ulMagic")).findFirst()
                .orElseThrow();
        assertEquals(List.of(4L), magic.values().get(0).offsets());
        assertEquals(List.of(4100L), magic.values().get(1).offsets());
        assertEquals("0x1034", state.values().get(1).offsetText());
    }

    /** No layout table knows a log header's offsets: the values without offsets, never made-up ones. */
    @Test
    void aLogHeaderHasNoOffsets() {
        EseHeader h = EseFile.read("edb00012.log", EseBuilder.Log.current().set("generation", 0x12).bytes());
        List<EseFields.Row> rows = EseFields.of(h);
        assertTrue(rows.stream().anyMatch(r -> r.label().equals("lGeneration") && r.value().equals("18 (0x12)")),
                rows.toString());
        for (EseFields.Row r : rows) {
            if (!r.section().equals("Checksum verdicts")) {
                assertEquals(List.of(), r.offsets(), r.toString());
            }
        }
    }
}
