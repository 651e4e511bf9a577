package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlens.report.OutputFormat.CSV;
import static org.patchlens.report.OutputFormat.HIVE;
import static org.patchlens.report.OutputFormat.JSONL;
import static org.patchlens.report.OutputFormat.LISTING;
import static org.patchlens.report.OutputFormat.REG;
import static org.patchlens.report.OutputFormat.TEXT;
import static org.patchlens.report.OutputFormat.XLSX;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The format rule ({@link Output#format}) for an {@code -o} name whose extension is none of ours: refused when it
 * promises a format no command writes (a near miss of one, or a document or archive format), given the command's
 * default otherwise; with {@code --format}, any name.
 */
class OutputFormatTest {
    static final Output.Spec CHECK = Output.Spec.of("check", TEXT, JSONL, CSV, XLSX);
    static final Output.Spec DUMP = Output.Spec.of("hive dump", JSONL, CSV, TEXT, LISTING, XLSX);
    static final String CHECK_WRITES = "(it writes text, jsonl, csv or xlsx: .txt .jsonl .csv .xlsx; --format FORMAT "
            + "writes that format to any name)";
    static final String DUMP_WRITES = "(it writes jsonl, csv, text, listing or xlsx: .jsonl .csv .txt .xlsx; --format "
            + "FORMAT writes that format to any name)";

    static String refusal(Output.Spec spec, String name) {
        return assertThrows(OutputException.class, () -> Output.format(spec, null, Path.of(name)), name).getMessage();
    }

    @Test
    void aNearMissOfAnExtensionTheCommandWritesIsRefusedNamingTheOneMeant() {
        String[][] typedMeant = {{"report.xslx", "report.xlsx"}, {"report.xlxs", "report.xlsx"},
            {"report.xlsm", "report.xlsx"}, {"r.cvs", "r.csv"}, {"r.tsv", "r.csv"}, {"R.TSV", "R.csv"},
            {"r.txtt", "r.txt"}, {"r.tx", "r.txt"}, {"r.jsonll", "r.jsonl"}, {"out/r.jsnol", "r.jsonl"}};
        for (String[] c : typedMeant) {
            String ext = c[0].substring(c[0].lastIndexOf('.'));
            assertEquals(c[0] + ": check does not write " + ext + " files; did you mean " + c[1] + "? " + CHECK_WRITES,
                    refusal(CHECK, c[0]));
        }
    }

    @Test
    void aDocumentOrArchiveFormatOrANearMissOfAnotherCommandsFormatIsRefused() {
        for (String name : new String[] {"report.pdf", "report.DOCX", "r.xls", "r.ods", "r.html", "r.xml", "r.zip",
            "dump.jsonl.gz", "r.7z", "Security.evtx"}) {
            String ext = name.substring(name.lastIndexOf('.'));
            String meant = ext.equalsIgnoreCase(".xls") ? "; did you mean r.xlsx?" : "";
            assertEquals(name + ": check does not write " + ext + " files" + meant + " " + CHECK_WRITES,
                    refusal(CHECK, name));
        }
        // one edit from .json, which hive dump does not write (x.json is refused too)
        assertEquals("x.jsn: hive dump does not write .jsn files " + DUMP_WRITES, refusal(DUMP, "x.jsn"));
        assertEquals("x.jsn: check does not write .jsn files " + CHECK_WRITES, refusal(CHECK, "x.jsn"));
    }

    @Test
    void aCommandOfOneFormatOrAnOptionOtherThanDashOHasNoFormatToOffer() {
        assertEquals("x.rge: hive export-reg does not write .rge files; did you mean x.reg? (it writes reg: .reg)",
                refusal(Output.Spec.of("hive export-reg", REG), "x.rge"));
        assertEquals("r.tsv: check --runbook does not write .tsv files; did you mean r.csv? (it writes csv: .csv)",
                refusal(Output.Spec.named("check --runbook", "--runbook", CSV), "r.tsv"));
    }

    @Test
    void anyOtherNameGetsTheDefaultFormat() {
        for (String name : new String[] {"report.log", "report.out", "report.text", "report.TEXT", "report.dat",
            "notes", "report.", ".log", ".notes", "v1.2/report"}) {
            assertEquals(TEXT, Output.format(CHECK, null, Path.of(name)), name);
            assertEquals(JSONL, Output.format(DUMP, null, Path.of(name)), name);
        }
        assertEquals(XLSX, Output.format(CHECK, null, Path.of("report.xlsx")));
        assertEquals(TEXT, Output.format(CHECK, null, null), "stdout");
    }

    @Test
    void aNameThatIsOnlyAForeignExtensionOrANearMissIsRefusedAsAnyExtensionAlone() {
        // as -o .csv: a hidden file named .pdf would hold the default format, which is not what the name says
        for (String name : new String[] {".pdf", ".PDF", ".docx", ".xls", ".html", ".zip", ".gz", ".evtx", ".jsn"}) {
            String instead = name.equals(".xls") ? "(-o report.xlsx)"
                    : "(check does not write " + name + " files; it writes text, jsonl, csv or xlsx: .txt .jsonl .csv .xlsx)";
            assertEquals(name + ": names only an extension; give a file name " + instead, refusal(CHECK, name));
            // --format does not make it a name
            assertEquals(refusal(CHECK, name), assertThrows(OutputException.class,
                    () -> Output.format(CHECK, "text", Path.of(name))).getMessage());
        }
        // a near miss of an extension it writes names the format meant, as the extension itself does
        assertEquals("out/.xslx: names only an extension; give a file name (-o report.xlsx)", refusal(CHECK, "out/.xslx"));
        assertEquals(".cvs: names only an extension; give a file name (-o report.csv), or --format csv to write to "
                + "stdout", refusal(DUMP, ".cvs"));
        assertEquals(".csv: names only an extension; give a file name (-o report.csv), or --format csv to write to "
                + "stdout", refusal(DUMP, ".csv"));
        // an extension of ours the command does not write, and a hive image, whose name is the user's
        assertEquals(".reg: names only an extension; give a file name (check does not write .reg files; it writes text, "
                + "jsonl, csv or xlsx: .txt .jsonl .csv .xlsx)", refusal(CHECK, ".reg"));
        Output.Spec replay = Output.Spec.of("hive replay", HIVE);
        for (String name : new String[] {".pdf", ".csv"}) {
            assertEquals(name + ": names only an extension; give a file name (hive replay -o writes a registry hive: "
                    + "name it e.g. SYSTEM.recovered)", refusal(replay, name));
        }
    }

    @Test
    void withFormatAnyNameIsTheUsersChoice() {
        assertEquals(CSV, Output.format(CHECK, "csv", Path.of("report.pdf")));
        assertEquals(CSV, Output.format(DUMP, "csv", Path.of("rows.tsv")));
        assertEquals(TEXT, Output.format(DUMP, "text", Path.of("x.jsn")));
    }

    @Test
    void replayWritesAHiveImageUnderAnyName() {
        Output.Spec replay = Output.Spec.of("hive replay", HIVE);
        for (String name : new String[] {"SYSTEM.pdf", "SYSTEM.zip", "SYSTEM.xslx", "SYSTEM.recovered"}) {
            assertEquals(HIVE, Output.format(replay, null, Path.of(name)), name);
        }
    }

    @Test
    void oneEditApartIsDamerauLevenshteinDistanceOne() {
        for (String[] pair : new String[][] {{".xslx", ".xlsx"}, {".tsv", ".csv"}, {".jsonll", ".jsonl"},
            {".jsn", ".json"}, {".cs", ".csv"}, {"ab", "ba"}, {"a", ""}}) {
            assertTrue(OutputFormat.oneEditApart(pair[0], pair[1]), pair[0] + " " + pair[1]);
            assertTrue(OutputFormat.oneEditApart(pair[1], pair[0]), pair[1] + " " + pair[0]);
        }
        for (String[] pair : new String[][] {{".csv", ".csv"}, {".jsn", ".jsonl"}, {".out", ".txt"},
            {".log", ".reg"}, {"abc", "cab"}, {"abcd", "badc"}, {"", ""}}) {
            assertFalse(OutputFormat.oneEditApart(pair[0], pair[1]), pair[0] + " " + pair[1]);
        }
    }
}
